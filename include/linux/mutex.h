/*
 * Linux-compatible <linux/mutex.h>: struct mutex over <kernel/mutex.h>.
 * A contended mutex_lock() sleeps until the mutex is handed over;
 * mutex_lock_interruptible() and mutex_lock_killable() return -EINTR when
 * a signal (SIGKILL for killable) comes first.
 */
#ifndef LINUX_MUTEX_H
#define LINUX_MUTEX_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>

#define __MUTEX_INITIALIZER(name) MUTEX_INITIALIZER(name)
#define DEFINE_MUTEX(name) struct mutex name = MUTEX_INITIALIZER(name)

#define mutex_init(lock) mutex_init_named(lock, #lock)
#define mutex_lock(lock) \
	((void)mutex_lock_at(lock, TASK_UNINTERRUPTIBLE, _THIS_IP_))
#define mutex_lock_interruptible(lock) \
	mutex_lock_at(lock, TASK_INTERRUPTIBLE, _THIS_IP_)
#define mutex_lock_killable(lock) mutex_lock_at(lock, TASK_KILLABLE, _THIS_IP_)
#define mutex_lock_nested(lock, subclass)                                 \
	((void)mutex_lock_nested_at(lock, subclass, TASK_UNINTERRUPTIBLE, \
				    _THIS_IP_))
#define mutex_unlock(lock) mutex_unlock_at(lock, _THIS_IP_)

#endif
