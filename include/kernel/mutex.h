/*
 * Mutexes.  Sprout runs one task, so a mutex is never contended: a
 * mutex_lock() on a held mutex is that task locking it twice, which on
 * Linux sleeps forever.  It is reported instead, with the lock and the
 * code; unlocking a free mutex is reported and ignored.  Not for interrupt
 * handlers (a mutex may sleep on Linux).
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <kernel/types.h>

struct mutex {
	bool locked;
	const char *name; /* the variable's name, for reports */
};

#define MUTEX_INITIALIZER(lockname) \
	{                           \
		false, #lockname    \
	}

/*
 * mutex_lock_at - take @lock, called from @ip; a held one is reported as a
 * deadlock and the machine stops.  mutex_unlock_at - give it back.
 */
void mutex_lock_at(struct mutex *lock, uintptr_t ip);
void mutex_unlock_at(struct mutex *lock, uintptr_t ip);

/* mutex_trylock - take @lock if free: 1, else 0 (Linux's int). */
static inline int mutex_trylock(struct mutex *lock)
{
	if (lock->locked)
		return 0;
	lock->locked = true;
	return 1;
}

static inline bool mutex_is_locked(const struct mutex *lock)
{
	return lock->locked;
}

#endif
