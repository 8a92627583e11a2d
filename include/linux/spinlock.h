/*
 * Linux-compatible <linux/spinlock.h>: spinlock_t over <kernel/spinlock.h>.
 * spin_lock_irqsave() saves the interrupt flag in @flags and disables
 * interrupts, then preemption; spin_unlock_irqrestore() puts the flag back
 * as it was, then lets preemption happen again.  The _bh forms hold
 * softirqs (tasklets among them) off while the lock is held.
 */
#ifndef LINUX_SPINLOCK_H
#define LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <kernel/spinlock.h>
#include <kernel/x86.h>
/* rwlock_t comes with the spinlocks, as on Linux. */
#include <linux/rwlock.h>

typedef struct spinlock spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) __SPINLOCK_UNLOCKED(name)
#define DEFINE_SPINLOCK(name) spinlock_t name = __SPIN_LOCK_UNLOCKED(name)

#define spin_lock_init(lock) spinlock_init(lock)
#define spin_lock(lock) spinlock_lock(lock)
/* @subclass: a second lock of the same class, taken inside the first. */
#define spin_lock_nested(lock, subclass) spinlock_lock_nested(lock, subclass)
#define spin_unlock(lock) spinlock_unlock(lock)
#define spin_trylock(lock) spinlock_trylock(lock)
#define spin_is_locked(lock) spinlock_is_locked(lock)
#define spin_lock_bh(lock) spinlock_lock_bh(lock)
#define spin_unlock_bh(lock) spinlock_unlock_bh(lock)
#define spin_trylock_bh(lock) spinlock_trylock_bh(lock)

#define spin_lock_irq(lock)          \
	do {                         \
		cli();               \
		spinlock_lock(lock); \
	} while (0)

/* Interrupts back on before preempt_enable(), so that a switch the lock
 * held back can happen there, as in Linux. */
#define spin_unlock_irq(lock)           \
	do {                            \
		spinlock_release(lock); \
		sti();                  \
		preempt_enable();       \
	} while (0)

#define spin_lock_irqsave(lock, flags) \
	do {                           \
		(flags) = irq_save();  \
		spinlock_lock(lock);   \
	} while (0)

#define spin_unlock_irqrestore(lock, flags) \
	do {                                \
		spinlock_release(lock);     \
		irq_restore(flags);         \
		preempt_enable();           \
	} while (0)

/* The interrupt flag alone, for code that shares data with a handler. */
#define local_irq_save(flags) ((flags) = irq_save())
#define local_irq_restore(flags) irq_restore(flags)
#define local_irq_disable() cli()
#define local_irq_enable() sti()
#define irqs_disabled() (!(read_rflags() & RFLAGS_IF))

#endif
