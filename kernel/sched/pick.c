/*
 * The fair policy, kept apart so that it can be read and tested on its
 * own: each task's virtual runtime grows with the CPU time it gets,
 * slower the heavier its nice level makes it, and the task with the least
 * runs next -- Linux's CFS on one CPU, with a sorted list for its tree.
 */
#include "internal.h"

/* Linux's kernel/sched/core.c: 1024 at nice 0, each level ~1.25x (10 %
 * of CPU time between two neighbours). */
const unsigned long sched_prio_to_weight[NICE_WIDTH] = {
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */ 9548,	 7620,	6100,  4904,  3906,
	/*  -5 */ 3121,	 2501,	1991,  1586,  1277,
	/*   0 */ 1024,	 820,	655,   526,   423,
	/*   5 */ 335,	 272,	215,   172,   137,
	/*  10 */ 110,	 87,	70,    56,    45,
	/*  15 */ 36,	 29,	23,    18,    15,
};

void sched_set_weight(struct sched_entity *se, int nice)
{
	se->weight = sched_prio_to_weight[nice - MIN_NICE];
}

uint64_t sched_calc_delta_fair(uint64_t delta, const struct sched_entity *se)
{
	if (se->weight == NICE_0_LOAD)
		return delta;
	return delta * NICE_0_LOAD / se->weight;
}

/* a - b as a signed distance, so that "before" survives a wrap. */
static int64_t vruntime_diff(uint64_t a, uint64_t b)
{
	return (int64_t)(a - b);
}

static struct sched_entity *first_queued(const struct cfs_rq *rq)
{
	return list_first_entry_or_null(&rq->tasks, struct sched_entity,
					run_node);
}

/* min_vruntime: the least vruntime of current and the queue, never back. */
static void update_min_vruntime(struct cfs_rq *rq, struct sched_entity *curr)
{
	struct sched_entity *first = first_queued(rq);
	uint64_t least = rq->min_vruntime;

	if (curr)
		least = curr->vruntime;
	if (first && (!curr || vruntime_diff(first->vruntime, least) < 0))
		least = first->vruntime;
	if (vruntime_diff(least, rq->min_vruntime) > 0)
		rq->min_vruntime = least;
}

/* excerpt: update-curr */
void sched_update_curr(struct cfs_rq *rq, struct task_struct *curr,
		       uint64_t now)
{
	uint64_t delta = now - curr->exec_start;

	if ((int64_t)delta <= 0)
		return;
	curr->exec_start = now;
	curr->sum_exec_runtime += delta;
	if (!rq)
		return;
	curr->se.vruntime += sched_calc_delta_fair(delta, &curr->se);
	update_min_vruntime(rq, &curr->se);
}
/* excerpt-end: update-curr */

/* lab: 12 enqueue */
void sched_enqueue(struct cfs_rq *rq, struct sched_entity *se)
{
	struct sched_entity *pos;

	list_for_each_entry(pos, &rq->tasks, run_node)
		if (vruntime_diff(se->vruntime, pos->vruntime) < 0)
			break;
	/* Before pos, or at the tail when the loop ran off the end. */
	list_add_tail(&se->run_node, &pos->run_node);
	rq->load += se->weight;
}
/* lab-end: 12 enqueue */

void sched_dequeue(struct cfs_rq *rq, struct sched_entity *se)
{
	list_del_init(&se->run_node);
	rq->load -= se->weight;
}

void sched_place_woken(const struct cfs_rq *rq, struct sched_entity *se)
{
	uint64_t floor = rq->min_vruntime - SCHED_LATENCY_NS / 2;

	/* Early in boot min_vruntime is still below the bonus. */
	if (rq->min_vruntime < SCHED_LATENCY_NS / 2)
		floor = 0;
	if (vruntime_diff(se->vruntime, floor) < 0)
		se->vruntime = floor;
}

void sched_place_yield(const struct cfs_rq *rq, struct sched_entity *se)
{
	struct sched_entity *last;

	if (list_empty(&rq->tasks))
		return;
	last = list_last_entry(&rq->tasks, struct sched_entity, run_node);
	/* Equal keys queue in arrival order, so equal is behind. */
	if (vruntime_diff(last->vruntime, se->vruntime) > 0)
		se->vruntime = last->vruntime;
}

/* excerpt: pick-next */
/* lab: 12 pick-next */
struct task_struct *sched_pick_next(struct cfs_rq *rq, struct task_struct *prev)
{
	struct sched_entity *next;

	if (prev)
		sched_enqueue(rq, &prev->se);
	next = first_queued(rq);
	if (!next)
		return NULL;
	sched_dequeue(rq, next);
	return container_of(next, struct task_struct, se);
}
/* lab-end: 12 pick-next */
/* excerpt-end: pick-next */

/*
 * Linux's sched_slice(): the latency period, stretched when so many
 * tasks wait that each would get less than the minimum, shared out by
 * weight.
 */
static uint64_t sched_slice(const struct cfs_rq *rq,
			    const struct sched_entity *curr)
{
	uint64_t nr = list_count_nodes(&rq->tasks) + 1;
	uint64_t period = SCHED_LATENCY_NS;

	if (nr * SCHED_MIN_GRANULARITY_NS > period)
		period = nr * SCHED_MIN_GRANULARITY_NS;
	return period * curr->weight / (rq->load + curr->weight);
}

bool sched_tick_preempt(const struct cfs_rq *rq, const struct task_struct *curr)
{
	const struct sched_entity *first = first_queued(rq);
	uint64_t slice, ran;

	if (!first)
		return false;
	slice = sched_slice(rq, &curr->se);
	ran = curr->sum_exec_runtime - curr->se.prev_sum_exec_runtime;
	if (ran >= slice)
		return true;
	if (ran < SCHED_MIN_GRANULARITY_NS)
		return false;
	return vruntime_diff(curr->se.vruntime, first->vruntime) >
	       (int64_t)slice;
}

bool sched_wakeup_preempt(const struct task_struct *curr,
			  const struct task_struct *p)
{
	int64_t gran =
		sched_calc_delta_fair(SCHED_WAKEUP_GRANULARITY_NS, &p->se);

	return vruntime_diff(curr->se.vruntime, p->se.vruntime) > gran;
}
