/*
 * Spinlocks for Sprout's one CPU.  Taking one disables preemption until it
 * is released, as on Linux, so the holder is never switched out: a lock
 * that is already held when spin_lock() is called can only be held by the
 * code that is now trying again -- a deadlock that on Linux hangs the
 * machine.  Here it is caught and reported as Linux's spinlock debugging
 * does.  The _irqsave/_irq forms really turn interrupts off, so data
 * shared with an interrupt handler is protected as on Linux; the _bh forms
 * hold softirqs off, for data shared with a tasklet.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include <kernel/lockdep.h>
#include <kernel/preempt.h>
#include <kernel/softirq.h>
#include <kernel/types.h>
#include <kernel/x86.h>

struct spinlock {
	int locked; /* 0 free, 1 held */
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

/*
 * An unlocked lock, for an initializer or an assignment (as Linux's);
 * __SPINLOCK_UNLOCKED(name) names a static lock's lockdep class.
 */
#ifdef CONFIG_LOCKDEP
#define __SPINLOCK_UNLOCKED(lockname) \
	((struct spinlock){           \
		.locked = 0,          \
		.dep_map = LOCKDEP_MAP_INIT(#lockname, NULL, LD_WAIT_SPIN) })
#define SPINLOCK_UNLOCKED   \
	((struct spinlock){ \
		.dep_map = LOCKDEP_MAP_INIT(NULL, NULL, LD_WAIT_SPIN) })
#else
#define __SPINLOCK_UNLOCKED(lockname) SPINLOCK_UNLOCKED
#define SPINLOCK_UNLOCKED ((struct spinlock){ .locked = 0 })
#endif

/*
 * spin_bug - report misuse of @lock (@what: "recursion", "already
 * unlocked") found at @ip, and stop: the state it leaves is not safe to
 * run on.
 */
__noreturn void spin_bug(const struct spinlock *lock, const char *what,
			 uintptr_t ip);

/* With lockdep, each call site of spinlock_init() is a class of its own. */
#ifdef CONFIG_LOCKDEP
#define spinlock_init(lock) \
	LOCKDEP_INIT_AT_SITE(lock, struct spinlock, LD_WAIT_SPIN)
#else
static inline void spinlock_init(struct spinlock *lock)
{
	lock->locked = 0;
}
#endif

/* __spinlock_trylock - the lock itself, without telling lockdep. */
static inline bool __spinlock_trylock(struct spinlock *lock)
{
	preempt_disable();
	if (!__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		return true;
	preempt_enable();
	return false;
}

/* spinlock_trylock - take @lock if free (preemption then stays off until
 * the unlock) and return true; false, changing nothing, if it is held. */
static inline bool spinlock_trylock(struct spinlock *lock)
{
	if (!__spinlock_trylock(lock))
		return false;
	lockdep_acquire(&lock->dep_map, 0, 1, 0, 0);
	return true;
}

/* lockdep hears of the lock first: a recursion is reported before the
 * spinning-lock check stops the machine.  @subclass: spin_lock_nested(). */
#define spinlock_lock_nested(lock, subclass)                          \
	do {                                                          \
		lockdep_acquire(&(lock)->dep_map, subclass, 0, 0, 0); \
		if (!__spinlock_trylock(lock))                        \
			spin_bug(lock, "recursion", _THIS_IP_);       \
	} while (0)
#define spinlock_lock(lock) spinlock_lock_nested(lock, 0)

/* spinlock_release - free @lock, leaving preemption off: the _irq forms
 * turn interrupts back on in between. */
#define spinlock_release(lock)                                         \
	do {                                                           \
		lockdep_release(&(lock)->dep_map, 0);                  \
		if (!__atomic_exchange_n(&(lock)->locked, 0,           \
					 __ATOMIC_RELEASE))            \
			spin_bug(lock, "already unlocked", _THIS_IP_); \
	} while (0)

/* Release first, then let a switch that waited for the lock happen. */
#define spinlock_unlock(lock)           \
	do {                            \
		spinlock_release(lock); \
		preempt_enable();       \
	} while (0)

/*
 * The _bh forms: softirqs off first, so a tasklet that takes the lock
 * cannot interrupt its holder; unlocking runs what was raised meanwhile.
 */
#define spinlock_lock_bh(lock)       \
	do {                         \
		local_bh_disable();  \
		spinlock_lock(lock); \
	} while (0)

#define spinlock_unlock_bh(lock)       \
	do {                           \
		spinlock_unlock(lock); \
		local_bh_enable();     \
	} while (0)

static inline bool spinlock_trylock_bh(struct spinlock *lock)
{
	local_bh_disable();
	if (spinlock_trylock(lock))
		return true;
	local_bh_enable();
	return false;
}

static inline bool spinlock_is_locked(const struct spinlock *lock)
{
	return __atomic_load_n(&lock->locked, __ATOMIC_RELAXED);
}

#endif
