/*
 * Linux-compatible <linux/printk.h>: printk() with KERN_* levels (and
 * KERN_CONT), the pr_*() helpers, which prefix pr_fmt() -- define it
 * before the first #include to give a module's messages its own prefix;
 * pr_debug() logs only with DEBUG defined -- and dump_stack().
 */
#ifndef LINUX_PRINTK_H
#define LINUX_PRINTK_H

#include <kernel/panic.h>
#include <kernel/printk.h>

#define pr_warning pr_warn
#define pr_devel(fmt, ...) no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

#define printk_once(fmt, ...)                       \
	({                                          \
		static bool __printed;              \
		if (!__printed) {                   \
			__printed = true;           \
			printk(fmt, ##__VA_ARGS__); \
		}                                   \
	})
#define pr_info_once(fmt, ...) printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) \
	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...) printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)

#endif
