/*
 * preempt_count, kept as Linux keeps it: whether a hardware interrupt
 * handler is running (the oops needs to know: an exception inside one
 * cannot be survived by ending a thread), how deep preempt_disable()
 * goes, and need_resched.  The switch itself is the scheduler's, which
 * sits above this layer and registers it: here is only where to call it.
 * Interrupt entry and exit, which change the count too, live with the
 * softirqs they run (softirq.c), as in Linux.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/preempt.h>
#include <kernel/x86.h>

/* Handlers running count HARDIRQ_OFFSET each; they do not nest
 * (interrupt gates keep IF clear). */
unsigned int __preempt_count;
/* Modules' spinlocks and rwlocks raise it inline, as Linux exports it
 * for theirs. */
EXPORT_SYMBOL(__preempt_count);

static void (*preempt_switch)(void);

void preempt_register(void (*schedule_preempt)(void))
{
	preempt_switch = schedule_preempt;
}

/* excerpt: preempt-points */
void preempt_schedule(void)
{
	/* With interrupts off the caller protects something from them, and
	 * a switch would turn them on in the next task: wait for a tick. */
	if (preempt_count() || !(read_rflags() & RFLAGS_IF) || !preempt_switch)
		return;
	if (need_resched())
		preempt_switch();
}
EXPORT_SYMBOL(preempt_schedule);

void preempt_irq_exit(uint64_t rflags)
{
	/* Interrupted with interrupts off: inside irq_save() or the
	 * scheduler itself, which must finish what it does first. */
	if (!(rflags & RFLAGS_IF) || preempt_count() || !preempt_switch)
		return;
	if (need_resched())
		preempt_switch();
}
/* excerpt-end: preempt-points */
