/*
 * Where the fair policy meets time and the rest of the kernel: the tick
 * that ends a slice, the switch that preemption makes (registered with
 * the cpu layer, which calls it at interrupt exit and preempt_enable()),
 * cond_resched(), yield() and nice levels.
 */
#include <kernel/export.h>
#include <kernel/preempt.h>
#include <kernel/x86.h>
#include "internal.h"

/* excerpt: tick-preempt */
void scheduler_tick(void)
{
	struct task_struct *curr = current;

	/* From the timer interrupt: interrupts are off. */
	sched_update_current();
	softlockup_tick();
	if (curr == &init_task) {
		if (!list_empty(&sched_rq.tasks))
			set_preempt_need_resched();
		return;
	}
	if (sched_tick_preempt(&sched_rq, curr))
		set_preempt_need_resched();
}

/*
 * The switch preemption makes (Linux's preempt_schedule_common()): with
 * the count at 0 and need_resched set, at interrupt exit or when the last
 * preempt_enable() ran.  Again if a wake-up asked for one meanwhile.
 */
static void sched_preempt(void)
{
	do {
		preempt_disable();
		__schedule(true);
		preempt_enable_no_resched();
	} while (need_resched());
}

void sched_preempt_init(void)
{
	preempt_register(sched_preempt);
}

int cond_resched(void)
{
	if (!need_resched() || preempt_count())
		return 0;
	sched_preempt();
	return 1;
}
EXPORT_SYMBOL(cond_resched);
/* excerpt-end: tick-preempt */

void yield(void)
{
	uint64_t irq = irq_save();

	/* swapper/0 is not in the order: it runs again when all sleep. */
	if (current != &init_task) {
		sched_update_current();
		sched_place_yield(&sched_rq, &current->se);
	}
	irq_restore(irq);
	schedule();
}
EXPORT_SYMBOL(yield);

int task_nice(const struct task_struct *p)
{
	return PRIO_TO_NICE(p->static_prio);
}
EXPORT_SYMBOL(task_nice);

void set_user_nice(struct task_struct *p, long nice)
{
	uint64_t irq = irq_save();
	bool queued = p != current && p->se.on_rq;
	int old = task_nice(p);

	nice = nice < MIN_NICE ? MIN_NICE : nice > MAX_NICE ? MAX_NICE : nice;
	if (queued)
		sched_dequeue(&sched_rq, &p->se);
	if (p == current)
		sched_update_current(); /* the time so far at the old weight */
	p->static_prio = NICE_TO_PRIO(nice);
	sched_set_weight(&p->se, nice);
	if (queued)
		sched_enqueue(&sched_rq, &p->se);
	/* As Linux: a queued task made more important, or current made
	 * less, may have to give way. */
	if ((queued && nice < old) || (p == current && nice > old))
		set_preempt_need_resched();
	irq_restore(irq);
	preempt_schedule();
}
EXPORT_SYMBOL(set_user_nice);
