/*
 * Softirqs, as Linux runs them: an interrupt handler marks a vector
 * pending, and irq_exit() runs the pending actions once the handler is
 * done, with interrupts on again; a thread that disables bottom halves
 * runs them at local_bh_enable().  What keeps coming back goes to
 * ksoftirqd, a thread the irq layer registers, so that threads still run.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/panic.h>
#include <kernel/softirq.h>
#include <kernel/time.h>
#include <kernel/x86.h>

static struct softirq_action softirq_vec[NR_SOFTIRQS];
/* One bit per vector raised and not yet run; changed with interrupts
 * off.  Linux's irq_stat.__softirq_pending. */
static unsigned int softirq_pending;
static void (*ksoftirqd_wakeup)(void);

void open_softirq(unsigned int nr, void (*action)(void))
{
	softirq_vec[nr].action = action;
}

void softirq_ksoftirqd_register(void (*wakeup)(void))
{
	ksoftirqd_wakeup = wakeup;
}

unsigned int local_softirq_pending(void)
{
	return __atomic_load_n(&softirq_pending, __ATOMIC_RELAXED);
}

static void wakeup_softirqd(void)
{
	if (ksoftirqd_wakeup)
		ksoftirqd_wakeup();
}

void __raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending |= 1u << nr;
}
EXPORT_SYMBOL(__raise_softirq_irqoff);

void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	/*
	 * In an interrupt handler, a softirq or a local_bh_disable()
	 * section, the end of it runs the softirq.  A thread outside them
	 * has nothing that would run it soon: ksoftirqd does, as on Linux.
	 */
	if (!in_interrupt())
		wakeup_softirqd();
}
EXPORT_SYMBOL(raise_softirq_irqoff);

void raise_softirq(unsigned int nr)
{
	uint64_t irq = irq_save();

	raise_softirq_irqoff(nr);
	irq_restore(irq);
}
EXPORT_SYMBOL(raise_softirq);

/* Run each action of @pending, lowest vector first; interrupts on. */
static void softirq_run_actions(unsigned int pending)
{
	while (pending) {
		unsigned int nr = (unsigned int)__builtin_ctz(pending);

		pending &= pending - 1;
		if (softirq_vec[nr].action)
			softirq_vec[nr].action();
	}
}

/* excerpt: do-softirq */
void __do_softirq(void)
{
	uint64_t end = ktime_get_ns() + MAX_SOFTIRQ_TIME_NS;
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned int pending;

	preempt_count_add(SOFTIRQ_OFFSET);
	for (;;) {
		pending = softirq_pending;
		softirq_pending = 0;
		sti();
		softirq_run_actions(pending);
		cli();
		if (!softirq_pending)
			break;
		/*
		 * The actions raised more.  Running them here for as long as
		 * they come back would starve every thread: a network card
		 * under a flood, or a tasklet that reschedules itself, would
		 * keep the CPU inside interrupt exits.  So after a few rounds,
		 * or sooner if a task waits for the CPU, the rest goes to
		 * ksoftirqd, a thread the scheduler shares out fairly.
		 */
		if (--restart == 0 || ktime_get_ns() >= end || need_resched()) {
			wakeup_softirqd();
			break;
		}
	}
	preempt_count_sub(SOFTIRQ_OFFSET);
}
/* excerpt-end: do-softirq */

void do_softirq(void)
{
	uint64_t irq;

	if (in_interrupt())
		return;
	irq = irq_save();
	/*
	 * The actions run with interrupts on.  A caller that has them off
	 * may be the boot thread before the controller is set up (Sprout
	 * runs initcalls so): ksoftirqd takes them instead.
	 */
	if (softirq_pending && (irq & RFLAGS_IF))
		__do_softirq();
	else if (softirq_pending)
		wakeup_softirqd();
	irq_restore(irq);
}

void irq_enter(void)
{
	tick_irq_enter();
	preempt_count_add(HARDIRQ_OFFSET);
}

/* excerpt: irq-exit */
void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
	/* Not when the interrupt came inside another handler, a softirq or
	 * a local_bh_disable() section: that one runs them as it ends. */
	if (!in_interrupt() && softirq_pending)
		__do_softirq();
}
/* excerpt-end: irq-exit */

void local_bh_enable_ip(uintptr_t ip)
{
	/* Linux's check: a hardware interrupt handler never disabled them. */
	if (unlikely(in_hardirq()))
		warn_slowpath(__FILE__, __LINE__, ip,
			      "local_bh_enable() in an interrupt handler");
	/* Keep preemption off while the pending ones run here... */
	preempt_count_sub(SOFTIRQ_DISABLE_OFFSET - PREEMPT_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		do_softirq();
	/* ...and let a task they woke have the CPU once they are done. */
	preempt_enable();
}
EXPORT_SYMBOL(local_bh_enable_ip);
