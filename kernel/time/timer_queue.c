/*
 * The timer queue: pending timers on a list sorted by when they are due,
 * so the tick looks only at its head.  Arming walks from the tail, where
 * a timer armed later than the rest belongs.  Pure steps, run unchanged
 * by the host unit test test_timer_queue.
 */
#include "internal.h"

void timer_queue_add(struct list_head *queue, struct timer_list *timer)
{
	struct list_head *pos = queue->prev;

	while (pos != queue &&
	       list_entry(pos, struct timer_list, entry)->deadline_ns >
		       timer->deadline_ns)
		pos = pos->prev;
	list_add(&timer->entry, pos);
}

void timer_queue_take_expired(struct list_head *queue, uint64_t now,
			      struct list_head *expired)
{
	struct timer_list *timer;

	while ((timer = list_first_entry_or_null(queue, struct timer_list,
						 entry)) &&
	       timer->deadline_ns <= now)
		list_move_tail(&timer->entry, expired);
}

uint64_t timer_queue_next_deadline(const struct list_head *queue)
{
	if (list_empty(queue))
		return TIMER_NO_DEADLINE;
	return list_first_entry(queue, struct timer_list, entry)->deadline_ns;
}

struct timer_list *timer_queue_find(const struct list_head *queue,
				    const void *start, const void *end)
{
	struct timer_list *timer;

	list_for_each_entry(timer, queue, entry) {
		const void *fn = (const void *)timer->function;

		if (fn >= start && fn < end)
			return timer;
	}
	return NULL;
}
