/*
 * The scheduler's choice of the next task (kernel/sched/pick.c), on tasks
 * made here: first in first out, the task that gives the CPU away going
 * to the back while it can run, a sleeping or dead one left off the queue,
 * nothing when nothing can run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../kernel/sched/internal.h"

#define NTASKS 4

static struct task_struct tasks[NTASKS];
static LIST_HEAD(runqueue);

/* Tasks 0 .. NTASKS-1, all runnable; 1 .. NTASKS-1 queued in order, 0
 * running. */
static int setup(void **state)
{
	INIT_LIST_HEAD(&runqueue);
	for (int i = 0; i < NTASKS; i++) {
		tasks[i] =
			(struct task_struct){ .state = TASK_RUNNING, .pid = i };
		INIT_LIST_HEAD(&tasks[i].run_list);
		if (i)
			list_add_tail(&tasks[i].run_list, &runqueue);
	}
	return 0;
}

static void runnable_tasks_take_turns_in_order(void **state)
{
	struct task_struct *cur = &tasks[0];

	/* Two full rounds: 1 2 3 0 1 2 3 0. */
	for (int i = 1; i <= 2 * NTASKS; i++) {
		cur = sched_pick_next(&runqueue, cur);
		assert_non_null(cur);
		assert_int_equal(cur->pid, i % NTASKS);
		assert_true(list_empty(&cur->run_list));
	}
	assert_int_equal(list_count_nodes(&runqueue), NTASKS - 1);
}

static void sleeping_and_dead_tasks_leave_the_queue(void **state)
{
	struct task_struct *cur = &tasks[0];

	cur->state = TASK_INTERRUPTIBLE;
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 1);
	cur->state = TASK_DEAD;
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 2);
	cur->state = TASK_UNINTERRUPTIBLE;
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 3);
	/* The last runnable task keeps the CPU: it is picked again. */
	assert_ptr_equal(sched_pick_next(&runqueue, cur), cur);
	assert_true(list_empty(&runqueue));
	cur->state = TASK_INTERRUPTIBLE;
	assert_null(sched_pick_next(&runqueue, cur));
	assert_true(list_empty(&runqueue));
}

static void a_woken_task_runs_after_those_already_waiting(void **state)
{
	struct task_struct *cur = &tasks[0];

	tasks[1].state = TASK_INTERRUPTIBLE;
	list_del_init(&tasks[1].run_list);
	/* Woken now: to the back, behind 2 and 3 (wake_up_process()). */
	tasks[1].state = TASK_RUNNING;
	list_add_tail(&tasks[1].run_list, &runqueue);
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 2);
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 3);
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 1);
	cur = sched_pick_next(&runqueue, cur);
	assert_int_equal(cur->pid, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(runnable_tasks_take_turns_in_order,
				       setup),
		cmocka_unit_test_setup(sleeping_and_dead_tasks_leave_the_queue,
				       setup),
		cmocka_unit_test_setup(a_woken_task_runs_after_those_already_waiting,
				       setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
