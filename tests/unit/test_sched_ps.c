/*
 * ps's lines (kernel/sched/ps_format.c) against what procps prints for
 * ps -eo pid,s,time,args: the state letters of Linux's fs/proc/array.c,
 * TIME as [DD-]HH:MM:SS in whole seconds, kernel threads in brackets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "../../kernel/sched/ps.h"

#define NS(s) ((uint64_t)(s)*1000000000ull)

static void state_letters_are_linux_s(void **state)
{
	assert_int_equal(ps_state_char(TASK_RUNNING), 'R');
	assert_int_equal(ps_state_char(TASK_INTERRUPTIBLE), 'S');
	assert_int_equal(ps_state_char(TASK_UNINTERRUPTIBLE), 'D');
	assert_int_equal(ps_state_char(TASK_IDLE), 'I');
	assert_int_equal(ps_state_char(TASK_DEAD), 'Z');
}

static void time_is_hh_mm_ss_with_days_in_front(void **state)
{
	char buf[32];

	ps_format_time(buf, sizeof(buf), 0);
	assert_string_equal(buf, "00:00:00");
	/* Whole seconds, cut, not rounded. */
	ps_format_time(buf, sizeof(buf), NS(60) - 1);
	assert_string_equal(buf, "00:00:59");
	ps_format_time(buf, sizeof(buf), NS(3600 + 60 + 1));
	assert_string_equal(buf, "01:01:01");
	ps_format_time(buf, sizeof(buf), NS(86400) - 1);
	assert_string_equal(buf, "23:59:59");
	ps_format_time(buf, sizeof(buf), NS(2 * 86400 + 3 * 3600 + 4 * 60 + 5));
	assert_string_equal(buf, "2-03:04:05");
}

static void kernel_threads_are_bracketed(void **state)
{
	struct ps_row idle = { .pid = 0,
			       .state = TASK_IDLE,
			       .flags = PF_IDLE | PF_KTHREAD,
			       .runtime_ns = NS(75),
			       .comm = "swapper/0" };
	struct ps_row sh = { .pid = 1,
			     .state = TASK_INTERRUPTIBLE,
			     .comm = "sh" };
	char line[80];

	ps_format_row(line, sizeof(line), &idle);
	assert_string_equal(line, "      0 I 00:01:15 [swapper/0]");
	ps_format_row(line, sizeof(line), &sh);
	assert_string_equal(line, "      1 S 00:00:00 sh");
	/* The columns line up under the header. */
	assert_int_equal(strlen("      1 S 00:00:00 "),
			 strlen(PS_HEADER) - strlen("COMMAND"));
}

static void a_full_length_name_is_shown_whole(void **state)
{
	struct ps_row k = { .pid = 4194304,
			    .state = TASK_UNINTERRUPTIBLE,
			    .flags = PF_KTHREAD };
	char line[80];

	memset(k.comm, 'k', TASK_COMM_LEN - 1);
	ps_format_row(line, sizeof(line), &k);
	assert_string_equal(line, "4194304 D 00:00:00 [kkkkkkkkkkkkkkk]");
}

static void workers_names_are_shown_whole(void **state)
{
	struct ps_row w = { .pid = 12,
			    .state = TASK_IDLE,
			    .flags = PF_KTHREAD | PF_WQ_WORKER,
			    .comm = "kworker/u2:0" };
	char line[80];

	ps_format_row(line, sizeof(line), &w);
	assert_string_equal(line, "     12 I 00:00:00 [kworker/u2:0]");
	strcpy(w.comm, "kworker/0:10H");
	ps_format_row(line, sizeof(line), &w);
	assert_string_equal(line, "     12 I 00:00:00 [kworker/0:10H]");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_letters_are_linux_s),
		cmocka_unit_test(time_is_hh_mm_ss_with_days_in_front),
		cmocka_unit_test(kernel_threads_are_bracketed),
		cmocka_unit_test(a_full_length_name_is_shown_whole),
		cmocka_unit_test(workers_names_are_shown_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
