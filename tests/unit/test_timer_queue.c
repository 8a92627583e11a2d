/*
 * The timer queue's pure steps (kernel/time/timer_queue.c), on timers made
 * here: ordered by deadline with ties in order of arming, the due ones
 * taken off in order and the rest left, the next deadline, and the
 * search by callback address that the module unload relies on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "../../kernel/time/internal.h"

#define NTIMERS 6

static struct timer_list timers[NTIMERS];
static LIST_HEAD(queue);

static void fn_a(struct timer_list *timer)
{
}

static void fn_b(struct timer_list *timer)
{
}

/* Queue timer @i for @deadline, as the kernel arms one. */
static void arm(int i, uint64_t deadline)
{
	timers[i].deadline_ns = deadline;
	timer_queue_add(&queue, &timers[i]);
}

static int index_of(struct list_head *pos)
{
	return (int)(list_entry(pos, struct timer_list, entry) - timers);
}

/* The indices of @head's timers in order, into @out; how many. */
static int order_of(struct list_head *head, int *out)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, head)
		out[n++] = index_of(pos);
	return n;
}

static int setup(void **state)
{
	INIT_LIST_HEAD(&queue);
	for (int i = 0; i < NTIMERS; i++) {
		timers[i] = (struct timer_list){ .function = fn_a };
		INIT_LIST_HEAD(&timers[i].entry);
	}
	return 0;
}

static void timers_are_ordered_by_deadline_ties_by_arming(void **state)
{
	static const int expected[NTIMERS] = { 3, 1, 4, 5, 2, 0 };
	int got[NTIMERS];

	arm(0, 500);
	arm(1, 100);
	arm(2, 300);
	arm(3, 50);
	arm(4, 100); /* ties with 1, armed after it */
	arm(5, 100);
	assert_int_equal(order_of(&queue, got), NTIMERS);
	assert_memory_equal(got, expected, sizeof(expected));
	assert_int_equal(timer_queue_next_deadline(&queue), 50);
}

static void due_timers_are_taken_in_order_the_rest_stay(void **state)
{
	LIST_HEAD(expired);
	int got[NTIMERS];

	arm(0, 300);
	arm(1, 100);
	arm(2, 200);
	arm(3, 200);
	timer_queue_take_expired(&queue, 99, &expired);
	assert_true(list_empty(&expired));
	timer_queue_take_expired(&queue, 200, &expired);
	assert_int_equal(order_of(&expired, got), 3);
	assert_int_equal(got[0], 1);
	assert_int_equal(got[1], 2);
	assert_int_equal(got[2], 3);
	assert_int_equal(order_of(&queue, got), 1);
	assert_int_equal(got[0], 0);
	assert_int_equal(timer_queue_next_deadline(&queue), 300);
	/* A timer re-armed for a past deadline goes to the front. */
	list_del_init(&timers[1].entry);
	arm(1, 10);
	assert_int_equal(timer_queue_next_deadline(&queue), 10);
}

static void empty_queue_has_no_deadline(void **state)
{
	LIST_HEAD(expired);

	assert_int_equal(timer_queue_next_deadline(&queue), TIMER_NO_DEADLINE);
	timer_queue_take_expired(&queue, UINT64_MAX, &expired);
	assert_true(list_empty(&expired));
	assert_null(timer_queue_find(&queue, (void *)0, (void *)UINTPTR_MAX));
}

static void timers_are_found_by_callback_address(void **state)
{
	const char *a = (const char *)fn_a, *b = (const char *)fn_b;

	timers[2].function = fn_b;
	arm(0, 100);
	arm(2, 200);
	assert_ptr_equal(timer_queue_find(&queue, a, a + 1), &timers[0]);
	assert_ptr_equal(timer_queue_find(&queue, b, b + 1), &timers[2]);
	/* [start, end): the end is not in the range (a may be b - 1). */
	assert_null(timer_queue_find(&queue, b + 1, b + 2));
	assert_null(timer_queue_find(&queue, b, b));
	assert_ptr_not_equal(timer_queue_find(&queue, b - 1, b), &timers[2]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(timers_are_ordered_by_deadline_ties_by_arming,
				       setup),
		cmocka_unit_test_setup(due_timers_are_taken_in_order_the_rest_stay,
				       setup),
		cmocka_unit_test_setup(empty_queue_has_no_deadline, setup),
		cmocka_unit_test_setup(timers_are_found_by_callback_address,
				       setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
