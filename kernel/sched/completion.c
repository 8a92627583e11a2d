/*
 * Completions: "this has happened" as a count that waiters consume, on a
 * wait queue.  complete() before the wait is not lost; complete_all()
 * opens the gate for good (until init_completion()).
 */
#include <kernel/export.h>
#include <kernel/preempt.h>
#include <kernel/x86.h>
#include "internal.h"

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}
EXPORT_SYMBOL(init_completion);

void wait_for_completion(struct completion *x)
{
	uint64_t irq = irq_save();
	struct wait_queue_entry w;

	init_wait_entry(&w);
	while (!x->done) {
		prepare_to_wait_exclusive(&x->wait, &w, TASK_UNINTERRUPTIBLE);
		schedule();
	}
	finish_wait(&x->wait, &w);
	if (x->done != COMPLETION_DONE_ALL)
		x->done--;
	irq_restore(irq);
}
EXPORT_SYMBOL(wait_for_completion);

void complete(struct completion *x)
{
	uint64_t irq;

	preempt_disable(); /* a woken waiter may run at the enable */
	irq = irq_save();
	if (x->done != COMPLETION_DONE_ALL)
		x->done++;
	__wake_up(&x->wait, TASK_NORMAL, 1);
	irq_restore(irq);
	preempt_enable();
}
EXPORT_SYMBOL(complete);

void complete_all(struct completion *x)
{
	uint64_t irq;

	preempt_disable(); /* a woken waiter may run at the enable */
	irq = irq_save();
	x->done = COMPLETION_DONE_ALL;
	__wake_up(&x->wait, TASK_NORMAL, 0);
	irq_restore(irq);
	preempt_enable();
}
EXPORT_SYMBOL(complete_all);
