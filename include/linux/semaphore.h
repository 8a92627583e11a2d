/*
 * Linux-compatible <linux/semaphore.h>: struct semaphore over
 * <kernel/semaphore.h>.  DEFINE_SEMAPHORE(name) is Linux 6.1's binary
 * semaphore (count 1); DEFINE_SEMAPHORE(name, n), the form of later
 * kernels, gives it @n.
 */
#ifndef LINUX_SEMAPHORE_H
#define LINUX_SEMAPHORE_H

#include <linux/list.h>
#include <linux/types.h>
#include <kernel/semaphore.h>

#define __DEFINE_SEMAPHORE_1(name) \
	struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)
#define __DEFINE_SEMAPHORE_2(name, n) \
	struct semaphore name = __SEMAPHORE_INITIALIZER(name, n)
#define __DEFINE_SEMAPHORE_PICK(_1, _2, which, ...) which
#define DEFINE_SEMAPHORE(...)                                      \
	__DEFINE_SEMAPHORE_PICK(__VA_ARGS__, __DEFINE_SEMAPHORE_2, \
				__DEFINE_SEMAPHORE_1, )            \
	(__VA_ARGS__)

#endif
