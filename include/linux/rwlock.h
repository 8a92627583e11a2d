/*
 * Linux-compatible <linux/rwlock.h> (also reached through
 * <linux/spinlock.h>, as on Linux): rwlock_t over <kernel/rwlock.h>.  The
 * _irq and _irqsave forms turn interrupts off first, and the _bh forms
 * softirqs, as the spinlock's.
 */
#ifndef LINUX_RWLOCK_H
#define LINUX_RWLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/rwlock.h>
#include <kernel/x86.h>

typedef struct rwlock rwlock_t;

#define __RW_LOCK_UNLOCKED(name) __RWLOCK_UNLOCKED(name)
#define DEFINE_RWLOCK(name) rwlock_t name = __RW_LOCK_UNLOCKED(name)
#define rwlock_init(lock) rwlock_init_lock(lock)

#define read_lock(lock) rwlock_read_lock(lock)
#define read_unlock(lock) rwlock_read_unlock(lock)
#define write_lock(lock) rwlock_write_lock(lock)
#define write_unlock(lock) rwlock_write_unlock(lock)
#define read_lock_bh(lock) rwlock_read_lock_bh(lock)
#define read_unlock_bh(lock) rwlock_read_unlock_bh(lock)
#define write_lock_bh(lock) rwlock_write_lock_bh(lock)
#define write_unlock_bh(lock) rwlock_write_unlock_bh(lock)

/* The trylocks give preemption back when they fail: 1 taken, 0 not;
 * @read tells lockdep how it was taken. */
#define __rwlock_trylock(lock, try, read)                                 \
	({                                                                \
		int __ok;                                                 \
		preempt_disable();                                        \
		__ok = try(lock);                                         \
		if (!__ok)                                                \
			preempt_enable();                                 \
		else                                                      \
			lockdep_acquire(&(lock)->dep_map, 0, 1, read, 0); \
		__ok;                                                     \
	})
#define read_trylock(lock) __rwlock_trylock(lock, rwlock_try_read, 2)
#define write_trylock(lock) __rwlock_trylock(lock, rwlock_try_write, 0)

#define read_lock_irq(lock)             \
	do {                            \
		cli();                  \
		rwlock_read_lock(lock); \
	} while (0)
#define read_unlock_irq(lock)              \
	do {                               \
		rwlock_read_release(lock); \
		sti();                     \
		preempt_enable();          \
	} while (0)
#define write_lock_irq(lock)             \
	do {                             \
		cli();                   \
		rwlock_write_lock(lock); \
	} while (0)
#define write_unlock_irq(lock)              \
	do {                                \
		rwlock_write_release(lock); \
		sti();                      \
		preempt_enable();           \
	} while (0)

#define read_lock_irqsave(lock, flags)  \
	do {                            \
		(flags) = irq_save();   \
		rwlock_read_lock(lock); \
	} while (0)
#define read_unlock_irqrestore(lock, flags) \
	do {                                \
		rwlock_read_release(lock);  \
		irq_restore(flags);         \
		preempt_enable();           \
	} while (0)
#define write_lock_irqsave(lock, flags)  \
	do {                             \
		(flags) = irq_save();    \
		rwlock_write_lock(lock); \
	} while (0)
#define write_unlock_irqrestore(lock, flags) \
	do {                                 \
		rwlock_write_release(lock);  \
		irq_restore(flags);          \
		preempt_enable();            \
	} while (0)

#endif
