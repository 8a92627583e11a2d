/*
 * The fair policy (kernel/sched/pick.c) on tasks made here, with time
 * given by hand: the least vruntime runs, vruntime grows by 1024 / weight,
 * nice weights share the CPU as Linux's table says, woken tasks are
 * placed with a bounded bonus, yield goes behind, and the tick and a
 * wake-up ask for a switch exactly when they should; and it never prints.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <kernel/printk.h>
#include "../../kernel/sched/internal.h"

#define NTASKS 4
#define MS (1000 * NSEC_PER_USEC)

static struct task_struct tasks[NTASKS];
static struct cfs_rq rq;

/*
 * The policy is pure, as the loader's steps are: it runs inside schedule()
 * with interrupts off, and never prints.  A message from it is shown and
 * fails the test that made it.
 */
int printk(const char *fmt, ...)
{
	va_list ap;

	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2; /* the level */
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fail_msg("the fair policy printed the message above");
	return 0;
}

/* Tasks 0 .. NTASKS-1 at nice 0, vruntime 0; 1 .. NTASKS-1 queued in
 * order, 0 running. */
static int setup(void **state)
{
	rq = (struct cfs_rq){ .min_vruntime = 0 };
	INIT_LIST_HEAD(&rq.tasks);
	for (int i = 0; i < NTASKS; i++) {
		tasks[i] =
			(struct task_struct){ .state = TASK_RUNNING, .pid = i };
		INIT_LIST_HEAD(&tasks[i].se.run_node);
		sched_set_weight(&tasks[i].se, 0);
		if (i)
			sched_enqueue(&rq, &tasks[i].se);
	}
	return 0;
}

/* @cur runs @ns more, then the policy picks; @cur stays runnable. */
static struct task_struct *run_and_pick(struct task_struct *cur, uint64_t ns)
{
	sched_update_curr(&rq, cur, cur->exec_start + ns);
	cur = sched_pick_next(&rq, cur);
	cur->se.prev_sum_exec_runtime = cur->sum_exec_runtime;
	return cur;
}

static void equal_tasks_take_turns_in_order(void **state)
{
	struct task_struct *cur = &tasks[0];

	/* Two full rounds of 1 ms each: 1 2 3 0 1 2 3 0. */
	for (int i = 1; i <= 2 * NTASKS; i++) {
		cur = run_and_pick(cur, MS);
		assert_int_equal(cur->pid, i % NTASKS);
		assert_true(list_empty(&cur->se.run_node));
	}
	assert_int_equal(list_count_nodes(&rq.tasks), NTASKS - 1);
	assert_int_equal(rq.load, (NTASKS - 1) * NICE_0_LOAD);
}

static void the_least_vruntime_runs_and_min_vruntime_follows(void **state)
{
	struct task_struct *cur = &tasks[0];

	sched_dequeue(&rq, &tasks[2].se);
	tasks[2].se.vruntime = 5 * MS;
	sched_enqueue(&rq, &tasks[2].se);
	/* 0 ran 2 ms; 1 (0 ms) and 3 (0 ms) come before 2 (5 ms). */
	cur = run_and_pick(cur, 2 * MS);
	assert_int_equal(cur->pid, 1);
	assert_int_equal(rq.min_vruntime, 0);
	cur = run_and_pick(cur, 3 * MS);
	assert_int_equal(cur->pid, 3);
	cur = run_and_pick(cur, 4 * MS);
	assert_int_equal(cur->pid, 0); /* 2 ms, before 1's 3 and 2's 5 */
	assert_int_equal(rq.min_vruntime, 2 * MS);
}

static void an_empty_queue_gives_nothing(void **state)
{
	struct cfs_rq empty = { .tasks = LIST_HEAD_INIT(empty.tasks) };

	assert_null(sched_pick_next(&empty, NULL));
	/* A runnable prev alone is picked again. */
	assert_ptr_equal(sched_pick_next(&empty, &tasks[0]), &tasks[0]);
	assert_true(list_empty(&empty.tasks));
	assert_int_equal(empty.load, 0);
}

static void vruntime_grows_by_1024_over_weight(void **state)
{
	struct sched_entity se = { 0 };

	sched_set_weight(&se, 0);
	assert_int_equal(se.weight, 1024);
	assert_int_equal(sched_calc_delta_fair(10 * MS, &se), 10 * MS);
	sched_set_weight(&se, 5);
	assert_int_equal(se.weight, 335);
	assert_int_equal(sched_calc_delta_fair(335, &se), 1024);
	sched_set_weight(&se, MIN_NICE);
	assert_int_equal(se.weight, 88761);
	sched_set_weight(&se, MAX_NICE);
	assert_int_equal(se.weight, 15);
}

/* Two tasks, nice 0 and @nice, run 1 ms at a time for a simulated
 * second: the first one's share of the time, in per mille. */
static unsigned int share_against(int nice)
{
	struct task_struct *cur = &tasks[0];

	sched_dequeue(&rq, &tasks[2].se);
	sched_dequeue(&rq, &tasks[3].se);
	sched_dequeue(&rq, &tasks[1].se);
	sched_set_weight(&tasks[1].se, nice);
	sched_enqueue(&rq, &tasks[1].se);
	for (int i = 0; i < 1000; i++)
		cur = run_and_pick(cur, MS);
	return tasks[0].sum_exec_runtime * 1000 /
	       (tasks[0].sum_exec_runtime + tasks[1].sum_exec_runtime);
}

static void nice_levels_share_the_cpu_by_weight(void **state)
{
	unsigned int share = share_against(5);

	/* 1024 / (1024 + 335) = 753 per mille, within a slice or two. */
	assert_in_range(share, 748, 758);
}

static void equal_nice_levels_share_the_cpu_equally(void **state)
{
	assert_in_range(share_against(0), 499, 501);
}

static void a_sleeper_is_placed_half_a_period_behind_at_most(void **state)
{
	struct sched_entity *se = &tasks[1].se;

	rq.min_vruntime = 100 * MS;
	se->vruntime = 10 * MS; /* slept long: would bank 90 ms */
	sched_place_woken(&rq, se);
	assert_int_equal(se->vruntime, 100 * MS - SCHED_LATENCY_NS / 2);
	se->vruntime = 120 * MS; /* ran ahead before it slept: keeps it */
	sched_place_woken(&rq, se);
	assert_int_equal(se->vruntime, 120 * MS);
	rq.min_vruntime = 1 * MS; /* early: no wrap below 0 */
	se->vruntime = 0;
	sched_place_woken(&rq, se);
	assert_int_equal(se->vruntime, 0);
}

static void yield_goes_behind_every_queued_task(void **state)
{
	struct task_struct *cur = &tasks[0];

	sched_dequeue(&rq, &tasks[3].se);
	tasks[3].se.vruntime = 7 * MS;
	sched_enqueue(&rq, &tasks[3].se);
	sched_place_yield(&rq, &cur->se);
	assert_int_equal(cur->se.vruntime, 7 * MS);
	/* Queued after 3, whose vruntime it now has: it runs last. */
	cur = sched_pick_next(&rq, cur);
	assert_int_equal(cur->pid, 1);
	assert_int_equal(list_last_entry(&rq.tasks, struct task_struct,
					 se.run_node)
				 ->pid,
			 0);
}

static void the_tick_ends_a_slice_and_nothing_earlier(void **state)
{
	struct task_struct *cur = &tasks[0];

	/* Four tasks share 6 ms: a slice of 1.5 ms. */
	sched_update_curr(&rq, cur, 1 * MS);
	assert_false(sched_tick_preempt(&rq, cur));
	sched_update_curr(&rq, cur, 1 * MS + MS / 2);
	assert_true(sched_tick_preempt(&rq, cur));
	/* Alone, nothing to switch to. */
	setup(state);
	for (int i = 1; i < NTASKS; i++)
		sched_dequeue(&rq, &tasks[i].se);
	sched_update_curr(&rq, cur, 100 * MS);
	assert_false(sched_tick_preempt(&rq, cur));
}

static void a_wakeup_preempts_only_past_the_granularity(void **state)
{
	struct task_struct *curr = &tasks[0], *p = &tasks[1];

	curr->se.vruntime = 10 * MS;
	p->se.vruntime = 10 * MS - SCHED_WAKEUP_GRANULARITY_NS;
	assert_false(sched_wakeup_preempt(curr, p));
	p->se.vruntime -= 1;
	assert_true(sched_wakeup_preempt(curr, p));
	/* A light task's granularity is wider: 1 ms at nice 0 counts as
	 * 1024 / 335 ms at nice 5. */
	sched_set_weight(&p->se, 5);
	assert_false(sched_wakeup_preempt(curr, p));
	p->se.vruntime = 10 * MS - 4 * MS;
	assert_true(sched_wakeup_preempt(curr, p));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(equal_tasks_take_turns_in_order, setup),
		cmocka_unit_test_setup(the_least_vruntime_runs_and_min_vruntime_follows,
				       setup),
		cmocka_unit_test_setup(an_empty_queue_gives_nothing, setup),
		cmocka_unit_test_setup(vruntime_grows_by_1024_over_weight,
				       setup),
		cmocka_unit_test_setup(nice_levels_share_the_cpu_by_weight,
				       setup),
		cmocka_unit_test_setup(equal_nice_levels_share_the_cpu_equally,
				       setup),
		cmocka_unit_test_setup(a_sleeper_is_placed_half_a_period_behind_at_most,
				       setup),
		cmocka_unit_test_setup(yield_goes_behind_every_queued_task,
				       setup),
		cmocka_unit_test_setup(the_tick_ends_a_slice_and_nothing_earlier,
				       setup),
		cmocka_unit_test_setup(a_wakeup_preempts_only_past_the_granularity,
				       setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
