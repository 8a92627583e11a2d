/*
 * Wait queues: a list of sleeping tasks that an event wakes.  The waiter
 * queues itself and marks itself asleep before it checks its condition,
 * so a wake-up between the check and schedule() makes it runnable again
 * instead of being lost.
 */
#include <kernel/export.h>
#include <kernel/preempt.h>
#include <kernel/x86.h>
#include "internal.h"

void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}
EXPORT_SYMBOL(init_waitqueue_head);

void init_wait_entry(struct wait_queue_entry *w)
{
	w->task = current;
	w->exclusive = false;
	INIT_LIST_HEAD(&w->entry);
}
EXPORT_SYMBOL(init_wait_entry);

static void queue_and_sleep(struct wait_queue_head *wq,
			    struct wait_queue_entry *w, unsigned int state,
			    bool exclusive)
{
	uint64_t irq = irq_save();

	w->exclusive = exclusive;
	if (list_empty(&w->entry))
		list_add_tail(&w->entry, &wq->head);
	set_current_state(state);
	irq_restore(irq);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     unsigned int state)
{
	queue_and_sleep(wq, w, state, false);
}
EXPORT_SYMBOL(prepare_to_wait);

void prepare_to_wait_exclusive(struct wait_queue_head *wq,
			       struct wait_queue_entry *w, unsigned int state)
{
	queue_and_sleep(wq, w, state, true);
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w)
{
	uint64_t irq = irq_save();

	set_current_state(TASK_RUNNING);
	list_del_init(&w->entry);
	irq_restore(irq);
	(void)wq; /* Linux's signature: the entry knows its queue here */
}
EXPORT_SYMBOL(finish_wait);

/* excerpt: wake-up */
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr_exclusive)
{
	struct wait_queue_entry *w, *tmp;
	uint64_t irq;

	/* Linux's spin_lock_irqsave() on the queue: a task woken to run
	 * first gets the CPU at the preempt_enable(). */
	preempt_disable();
	irq = irq_save();

	list_for_each_entry_safe(w, tmp, &wq->head, entry) {
		bool woken;

		if (!(w->task->state & mode))
			continue;
		woken = wake_up_process(w->task);
		list_del_init(&w->entry);
		/* Only a task that really slept uses up an exclusive wake. */
		if (woken && w->exclusive && --nr_exclusive == 0)
			break;
	}
	irq_restore(irq);
	preempt_enable();
}
EXPORT_SYMBOL(__wake_up);
/* excerpt-end: wake-up */
