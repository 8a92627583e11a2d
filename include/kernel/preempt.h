/*
 * preempt_count: how many reasons current has not to be switched out --
 * preempt_disable() calls (spinlocks held among them) in the low bits,
 * hardware interrupt handlers running above them, as Linux counts -- and
 * the scheduler's request to switch (need_resched) in the top bit.  While
 * the count is non-zero the task is atomic: it must not sleep, and no
 * interrupt or preempt_enable() takes the CPU from it.
 */
#ifndef KERNEL_PREEMPT_H
#define KERNEL_PREEMPT_H

#include <kernel/types.h>

/*
 * Linux's layout (include/linux/preempt.h): bits 0-7 preempt_disable()
 * depth, 8-15 softirqs (serving them, local_bh_disable()), 16-19 hardware interrupts, and
 * bit 31 need_resched, as x86 folds it in.  Linux keeps that bit inverted
 * so that "decrement and test for zero" sees both at once; Sprout keeps
 * it plain and compares with PREEMPT_NEED_RESCHED, the same one test.
 */
#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define PREEMPT_OFFSET (1u << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1u << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1u << HARDIRQ_SHIFT)
#define PREEMPT_MASK (((1u << PREEMPT_BITS) - 1) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (((1u << SOFTIRQ_BITS) - 1) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (((1u << HARDIRQ_BITS) - 1) << HARDIRQ_SHIFT)
/*
 * Serving softirqs adds SOFTIRQ_OFFSET once; local_bh_disable() adds
 * twice that, so the lowest softirq bit alone tells the two apart.
 */
#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)
#define PREEMPT_NEED_RESCHED 0x80000000u

/* The count and the flag (kernel/cpu/hardirq.c); one CPU, so one word. */
extern unsigned int __preempt_count;

/* preempt_count - the count without the need_resched bit. */
static inline unsigned int preempt_count(void)
{
	return __atomic_load_n(&__preempt_count, __ATOMIC_RELAXED) &
	       ~PREEMPT_NEED_RESCHED;
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

/*
 * Which context runs now.  in_hardirq: a hardware interrupt handler.
 * in_interrupt: that, softirqs being served, or bottom halves disabled
 * -- Linux's old, wide question.  in_softirq: serving softirqs or bottom
 * halves disabled; in_serving_softirq: serving them.  in_task: none of
 * the handlers, a thread's own code (which may still hold a lock or
 * disable bottom halves).  Macros over the count, as in Linux, so a
 * module asks without an exported function.
 */
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))
#define in_hardirq() (hardirq_count() != 0)
#define in_interrupt() (irq_count() != 0)
#define in_softirq() (softirq_count() != 0)
#define in_serving_softirq() ((softirq_count() & SOFTIRQ_OFFSET) != 0)
#define in_task() (!(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_OFFSET)))

/* in_atomic - may current not sleep here? */
static inline bool in_atomic(void)
{
	return preempt_count() != 0;
}

/*
 * need_resched - has the scheduler asked current to give up the CPU (its
 * slice ran out, or a task that should run first woke)?  The scheduler
 * sets and clears the request; everyone else only reads it.
 */
static inline bool need_resched(void)
{
	return __atomic_load_n(&__preempt_count, __ATOMIC_RELAXED) &
	       PREEMPT_NEED_RESCHED;
}

static inline void set_preempt_need_resched(void)
{
	__atomic_or_fetch(&__preempt_count, PREEMPT_NEED_RESCHED,
			  __ATOMIC_SEQ_CST);
}

static inline void clear_preempt_need_resched(void)
{
	__atomic_and_fetch(&__preempt_count, ~PREEMPT_NEED_RESCHED,
			   __ATOMIC_SEQ_CST);
}

/*
 * preempt_schedule - switch to the task the scheduler wants, if current
 * may be switched out here (count 0, interrupts on).  preempt_enable()
 * calls it; kernel/cpu/hardirq.c passes it on to the scheduler, which
 * sits above it and registers with preempt_register().
 */
void preempt_schedule(void);

/*
 * preempt_register - the scheduler's function that switches tasks for a
 * preemption: called with the count at 0 and need_resched set, from
 * preempt_schedule() (interrupts on) and at interrupt exit (off).  It
 * must leave the interrupt flag as it found it.  Once, at boot.
 */
void preempt_register(void (*schedule_preempt)(void));

/*
 * preempt_irq_exit - called last on the way out of an interrupt that
 * came while @rflags were current's flags: switch tasks if need_resched
 * is set and the interrupted code could be switched out (count 0,
 * interrupts were on).  Linux's irqentry_exit_cond_resched().
 */
void preempt_irq_exit(uint64_t rflags);

#define preempt_disable() preempt_count_add(PREEMPT_OFFSET)
#define preempt_enable_no_resched() preempt_count_sub(PREEMPT_OFFSET)

/*
 * preempt_enable - undo one preempt_disable(); if that was the last and
 * need_resched is set, switch now: the count's value is then exactly the
 * bare flag.
 */
#define preempt_enable()                                                 \
	do {                                                             \
		if (__atomic_sub_fetch(&__preempt_count, PREEMPT_OFFSET, \
				       __ATOMIC_SEQ_CST) ==              \
		    PREEMPT_NEED_RESCHED)                                \
			preempt_schedule();                              \
	} while (0)

#endif
