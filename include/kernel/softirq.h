/*
 * Softirqs: the bottom halves an interrupt handler raises and that run on
 * its way out, with interrupts back on, as Linux's.  Ten fixed vectors,
 * each with one action; tasklets (<kernel/tasklet.h>) are built on two of
 * them.  local_bh_disable() holds them off in a thread's critical section.
 */
#ifndef KERNEL_SOFTIRQ_H
#define KERNEL_SOFTIRQ_H

#include <kernel/preempt.h>
#include <kernel/types.h>

/* Linux's vectors, in its order: a lower number runs first. */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

/*
 * How long one pass of __do_softirq() may go on while actions keep
 * raising softirqs again: at most this many rounds and this long (Linux's
 * values), then ksoftirqd takes the rest.
 */
#define MAX_SOFTIRQ_RESTART 10
#define MAX_SOFTIRQ_TIME_NS (2 * 1000 * 1000ull)

struct softirq_action {
	void (*action)(void);
};

/*
 * open_softirq - make @action the handler of vector @nr.  At boot, once
 * per vector; @nr must be below NR_SOFTIRQS.
 */
void open_softirq(unsigned int nr, void (*action)(void));

/*
 * raise_softirq_irqoff - mark vector @nr pending; interrupts must be off.
 * Inside an interrupt handler it runs at irq_exit(); under
 * local_bh_disable() at local_bh_enable(); raised by a thread outside both,
 * ksoftirqd is woken to run it.  raise_softirq - the same, from any
 * context with interrupts on or off.  __raise_softirq_irqoff - only mark
 * it, for a caller that knows softirqs will be run soon.
 */
void raise_softirq_irqoff(unsigned int nr);
void raise_softirq(unsigned int nr);
void __raise_softirq_irqoff(unsigned int nr);

/* local_softirq_pending - the mask of vectors raised and not yet run. */
unsigned int local_softirq_pending(void);

/*
 * do_softirq - run the pending softirqs now, unless current is inside an
 * interrupt handler, serving softirqs or has bottom halves disabled (then
 * whoever holds that context runs them).  Called with interrupts off, it
 * wakes ksoftirqd to run them instead.
 */
void do_softirq(void);

/*
 * __do_softirq - run the pending actions with SOFTIRQ_OFFSET added to
 * preempt_count and interrupts on, restarting while they raise more, up
 * to MAX_SOFTIRQ_RESTART rounds and MAX_SOFTIRQ_TIME_NS; what is still
 * pending then goes to ksoftirqd.  Called with interrupts off, not in a
 * softirq; returns with them off.
 */
void __do_softirq(void);

/*
 * softirq_ksoftirqd_register - @wakeup wakes the thread that runs
 * softirqs outside interrupts (kernel/irq/ksoftirqd.c).  Until it is
 * registered, softirqs a thread raises wait for the next interrupt.
 * Once, at boot.
 */
void softirq_ksoftirqd_register(void (*wakeup)(void));

/*
 * local_bh_disable - keep softirqs from running on this CPU (they stay
 * pending) until the matching local_bh_enable(); it nests, and disables
 * preemption as well.  local_bh_enable - undo one; the last one runs what
 * was raised meanwhile (do_softirq()), then is a preemption point.  Not
 * in a hardware interrupt handler.  local_bh_enable_ip - the same, @ip
 * naming the caller in the warning about misuse (Linux's name).
 */
static inline void local_bh_disable(void)
{
	preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}

void local_bh_enable_ip(uintptr_t ip);

#define local_bh_enable() local_bh_enable_ip(_THIS_IP_)

#endif
