/*
 * Whether a hardware interrupt handler is running, counted in
 * preempt_count as Linux counts it.  The oops needs to
 * know: an exception inside a handler cannot be survived by ending a
 * thread, since the handler's interrupt would never be finished.  Entry
 * also lets an idle CPU's stopped tick bring jiffies up to date.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/preempt.h>
#include <kernel/time.h>

/* Handlers running count HARDIRQ_OFFSET each; they do not nest
 * (interrupt gates keep IF clear). */
unsigned int __preempt_count;
/* Modules' rwlocks raise it inline, as Linux exports it for theirs. */
EXPORT_SYMBOL(__preempt_count);

void irq_enter(void)
{
	tick_irq_enter();
	preempt_count_add(HARDIRQ_OFFSET);
}

void irq_exit(void)
{
	preempt_count_sub(HARDIRQ_OFFSET);
}

bool in_hardirq(void)
{
	return preempt_count() >> HARDIRQ_SHIFT != 0;
}
