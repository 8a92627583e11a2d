/*
 * Linux-compatible <linux/kernel.h>: what almost every source file gets
 * from it -- types, printk, min/max, ARRAY_SIZE, container_of, BUG and
 * WARN, the kstrto*() parsers, snprintf and might_sleep().
 */
#ifndef LINUX_KERNEL_H
#define LINUX_KERNEL_H

#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/printk.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <kernel/sched.h>
#include <kernel/string.h>

/* clang-format off */
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
/* clang-format on */
#define round_up(x, y) ALIGN_UP(x, y)
#define round_down(x, y) ALIGN_DOWN(x, y)
#define ALIGN(x, a) ALIGN_UP(x, a)
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)(0xffffffff & (n)))
#define abs(x)                              \
	({                                  \
		__typeof__(x) __abs = (x);  \
		__abs < 0 ? -__abs : __abs; \
	})

#endif
