/*
 * Linux-compatible <linux/bug.h>: BUG() stops the kernel; WARN_ON() and
 * friends report (<kernel/panic.h>, warn_slowpath) and go on, and their
 * value is the condition, so "if (WARN_ON(!p)) return -EINVAL;" works.
 */
#ifndef LINUX_BUG_H
#define LINUX_BUG_H

#include <linux/compiler.h>
#include <kernel/panic.h>

#define BUG() panic("BUG at %s:%d", __FILE__, __LINE__)

#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#define BUILD_BUG_ON_MSG(cond, msg) _Static_assert(!(cond), msg)

#define WARN(cond, fmt, ...)                                              \
	({                                                                \
		bool __ret_warn = !!(cond);                               \
		if (unlikely(__ret_warn))                                 \
			warn_slowpath(__FILE__, __LINE__, _THIS_IP_, fmt, \
				      ##__VA_ARGS__);                     \
		__ret_warn;                                               \
	})

#define WARN_ON(cond)                                                       \
	({                                                                  \
		bool __ret_warn = !!(cond);                                 \
		if (unlikely(__ret_warn))                                   \
			warn_slowpath(__FILE__, __LINE__, _THIS_IP_, NULL); \
		__ret_warn;                                                 \
	})

/* The _ONCE forms report the first time only (one flag per use). */
#define WARN_ONCE(cond, fmt, ...)                        \
	({                                               \
		static bool __warned;                    \
		bool __ret_once = !!(cond);              \
		if (unlikely(__ret_once && !__warned)) { \
			__warned = true;                 \
			WARN(1, fmt, ##__VA_ARGS__);     \
		}                                        \
		__ret_once;                              \
	})

#define WARN_ON_ONCE(cond)                               \
	({                                               \
		static bool __warned;                    \
		bool __ret_once = !!(cond);              \
		if (unlikely(__ret_once && !__warned)) { \
			__warned = true;                 \
			WARN_ON(1);                      \
		}                                        \
		__ret_once;                              \
	})

#endif
