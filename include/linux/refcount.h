/* Linux-compatible <linux/refcount.h>: refcount_t over <kernel/refcount.h>. */
#ifndef LINUX_REFCOUNT_H
#define LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <kernel/refcount.h>

#endif
