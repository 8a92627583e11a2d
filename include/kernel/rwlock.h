/*
 * Reader-writer spinlocks: many readers or one writer, preemption disabled
 * while held, as Linux's.  On one CPU a lock that is not free when taken
 * can only be held by the code path asking again: that deadlock is
 * reported as the spinlock's is, and the machine stops.  The _bh forms
 * hold softirqs off while the lock is held, as the spinlock's.
 */
#ifndef KERNEL_RWLOCK_H
#define KERNEL_RWLOCK_H

#include <kernel/lockdep.h>
#include <kernel/preempt.h>
#include <kernel/softirq.h>
#include <kernel/types.h>
#include <kernel/x86.h>

struct rwlock {
	int readers; /* how many hold it to read */
	bool writer; /* held to write */
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

/* __RWLOCK_UNLOCKED(name) names a static lock's lockdep class. */
#ifdef CONFIG_LOCKDEP
#define __RWLOCK_UNLOCKED(lockname) \
	((struct rwlock){           \
		.readers = 0,       \
		.writer = false,    \
		.dep_map = LOCKDEP_MAP_INIT(#lockname, NULL, LD_WAIT_SPIN) })
#define RWLOCK_UNLOCKED          \
	((struct rwlock){        \
		.readers = 0,    \
		.writer = false, \
		.dep_map = LOCKDEP_MAP_INIT(NULL, NULL, LD_WAIT_SPIN) })
#else
#define __RWLOCK_UNLOCKED(lockname) RWLOCK_UNLOCKED
#define RWLOCK_UNLOCKED ((struct rwlock){ .readers = 0, .writer = false })
#endif

/*
 * rwlock_bug - report misuse of @lock (@what: "recursion", "already
 * unlocked") found at @ip, and stop (kernel/panic/lock.c).
 */
__noreturn void rwlock_bug(const struct rwlock *lock, const char *what,
			   uintptr_t ip);

/* With lockdep, each call site of rwlock_init_lock() is a class. */
#ifdef CONFIG_LOCKDEP
#define rwlock_init_lock(lock) \
	LOCKDEP_INIT_AT_SITE(lock, struct rwlock, LD_WAIT_SPIN)
#else
static inline void rwlock_init_lock(struct rwlock *lock)
{
	*lock = RWLOCK_UNLOCKED;
}
#endif

/*
 * rwlock_try_read / rwlock_try_write - take @lock if that can be done
 * now: true if taken.  Interrupt handlers may take it too, so the test
 * and the change are one step.  Preemption is the caller's to disable.
 */
static inline bool rwlock_try_read(struct rwlock *lock)
{
	uint64_t irq = irq_save();
	bool ok = !lock->writer;

	if (ok)
		lock->readers++;
	irq_restore(irq);
	return ok;
}

static inline bool rwlock_try_write(struct rwlock *lock)
{
	uint64_t irq = irq_save();
	bool ok = !lock->writer && !lock->readers;

	if (ok)
		lock->writer = true;
	irq_restore(irq);
	return ok;
}

/* Readers may nest (read_lock() is a recursive read for lockdep). */
#define rwlock_read_lock(lock)                                    \
	do {                                                      \
		preempt_disable();                                \
		lockdep_acquire(&(lock)->dep_map, 0, 0, 2, 0);    \
		if (!rwlock_try_read(lock))                       \
			rwlock_bug(lock, "recursion", _THIS_IP_); \
	} while (0)

#define rwlock_write_lock(lock)                                   \
	do {                                                      \
		preempt_disable();                                \
		lockdep_acquire(&(lock)->dep_map, 0, 0, 0, 0);    \
		if (!rwlock_try_write(lock))                      \
			rwlock_bug(lock, "recursion", _THIS_IP_); \
	} while (0)

/* rwlock_read_release / _write_release - give @lock back; preemption is
 * the caller's to enable again, after it has restored interrupts. */
#define rwlock_read_release(lock)                                        \
	do {                                                             \
		lockdep_release(&(lock)->dep_map, 0);                    \
		uint64_t __irq = irq_save();                             \
		bool __held = (lock)->readers > 0;                       \
		if (__held)                                              \
			(lock)->readers--;                               \
		irq_restore(__irq);                                      \
		if (!__held)                                             \
			rwlock_bug(lock, "already unlocked", _THIS_IP_); \
	} while (0)

#define rwlock_write_release(lock)                                       \
	do {                                                             \
		lockdep_release(&(lock)->dep_map, 0);                    \
		if (!__atomic_exchange_n(&(lock)->writer, false,         \
					 __ATOMIC_RELEASE))              \
			rwlock_bug(lock, "already unlocked", _THIS_IP_); \
	} while (0)

#define rwlock_read_unlock(lock)           \
	do {                               \
		rwlock_read_release(lock); \
		preempt_enable();          \
	} while (0)

#define rwlock_write_unlock(lock)           \
	do {                                \
		rwlock_write_release(lock); \
		preempt_enable();           \
	} while (0)

#define rwlock_read_lock_bh(lock)       \
	do {                            \
		local_bh_disable();     \
		rwlock_read_lock(lock); \
	} while (0)

#define rwlock_read_unlock_bh(lock)       \
	do {                              \
		rwlock_read_unlock(lock); \
		local_bh_enable();        \
	} while (0)

#define rwlock_write_lock_bh(lock)       \
	do {                             \
		local_bh_disable();      \
		rwlock_write_lock(lock); \
	} while (0)

#define rwlock_write_unlock_bh(lock)       \
	do {                               \
		rwlock_write_unlock(lock); \
		local_bh_enable();         \
	} while (0)

#endif
