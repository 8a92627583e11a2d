/*
 * Linux-compatible <linux/mutex.h>: struct mutex over <kernel/mutex.h>.
 * Sprout runs one task, so a mutex is never waited for; locking one twice
 * is reported as the deadlock it is.
 */
#ifndef LINUX_MUTEX_H
#define LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/mutex.h>

#define __MUTEX_INITIALIZER(name) MUTEX_INITIALIZER(name)
#define DEFINE_MUTEX(name) struct mutex name = MUTEX_INITIALIZER(name)

#define mutex_init(lock)                \
	do {                            \
		(lock)->locked = false; \
		(lock)->name = #lock;   \
	} while (0)
#define mutex_destroy(lock) \
	do {                \
	} while (0)
#define mutex_lock(lock) mutex_lock_at(lock, _THIS_IP_)
#define mutex_unlock(lock) mutex_unlock_at(lock, _THIS_IP_)
/* Nothing can interrupt the wait (there is none): always 0. */
#define mutex_lock_interruptible(lock) (mutex_lock(lock), 0)
#define mutex_lock_killable(lock) (mutex_lock(lock), 0)

#endif
