/*
 * preempt_count: how many reasons current has not to be switched out --
 * preempt_disable() calls (spinlocks held among them) in the low bits,
 * hardware interrupt handlers running above them, as Linux counts.
 * While it is non-zero the task is atomic: it must not sleep.
 */
#ifndef KERNEL_PREEMPT_H
#define KERNEL_PREEMPT_H

#include <kernel/types.h>

#define PREEMPT_OFFSET 1u
#define HARDIRQ_SHIFT 16
#define HARDIRQ_OFFSET (1u << HARDIRQ_SHIFT)
#define PREEMPT_MASK (HARDIRQ_OFFSET - 1)

/* Kept by kernel/cpu/hardirq.c (irq_enter()/irq_exit()) and below. */
extern unsigned int __preempt_count;

static inline unsigned int preempt_count(void)
{
	return __atomic_load_n(&__preempt_count, __ATOMIC_RELAXED);
}

/* The compiler must not move memory accesses across the count's change. */
static inline void preempt_count_add(unsigned int n)
{
	__atomic_add_fetch(&__preempt_count, n, __ATOMIC_SEQ_CST);
}

static inline void preempt_count_sub(unsigned int n)
{
	__atomic_sub_fetch(&__preempt_count, n, __ATOMIC_SEQ_CST);
}

/* in_atomic - may current not sleep here? */
static inline bool in_atomic(void)
{
	return preempt_count() != 0;
}

#define preempt_disable() preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable_no_resched() preempt_count_sub(PREEMPT_OFFSET)
#define preempt_enable() preempt_enable_no_resched()

#endif
