/*
 * The scheduling policy, kept apart so that it can be read and tested on
 * its own: first in, first out, each task running until it gives the CPU
 * away, the one that gave it going to the back (round robin).
 */
#include "internal.h"

/* excerpt: pick-next */
struct task_struct *sched_pick_next(struct list_head *runqueue,
				    struct task_struct *prev)
{
	struct task_struct *next;

	if (prev->state == TASK_RUNNING)
		list_add_tail(&prev->run_list, runqueue);
	next = list_first_entry_or_null(runqueue, struct task_struct, run_list);
	if (next)
		list_del_init(&next->run_list);
	return next;
}
/* excerpt-end: pick-next */
