/* Linux-compatible <linux/compiler.h>: attributes, likely(), READ_ONCE(). */
#ifndef LINUX_COMPILER_H
#define LINUX_COMPILER_H

#include <kernel/types.h>

#define __always_inline inline __attribute__((__always_inline__))
#define noinline __attribute__((__noinline__))
#define __maybe_unused __attribute__((unused))
#define __must_check __attribute__((warn_unused_result))
#define __cold __attribute__((cold))
#define __pure __attribute__((pure))
#define __weak __attribute__((weak))
#define __visible __attribute__((externally_visible))
#define __read_mostly
#define fallthrough __attribute__((__fallthrough__))

/* Sparse's address-space markers: no checker runs here, so they are empty. */
#define __user
#define __kernel
#define __iomem
#define __force

#define barrier() __asm__ volatile("" : : : "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

#endif
