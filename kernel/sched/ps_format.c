/*
 * The lines of ps, kept apart from the walk over the tasks so that the
 * format can be checked on the host against what procps prints.
 */
#include <kernel/string.h>
#include "ps.h"

#define NSEC_PER_SEC 1000000000ull
#define SECS_PER_DAY (24u * 60 * 60)

char ps_state_char(unsigned int state)
{
	if (state == TASK_RUNNING)
		return 'R';
	if (state & TASK_DEAD)
		return 'Z';
	if (state == TASK_IDLE)
		return 'I';
	if (state & TASK_INTERRUPTIBLE)
		return 'S';
	return 'D';
}

void ps_format_time(char *buf, size_t size, uint64_t ns)
{
	uint64_t secs = ns / NSEC_PER_SEC;
	unsigned int s = secs % 60, m = secs / 60 % 60, h = secs / 3600 % 24;
	uint64_t days = secs / SECS_PER_DAY;

	if (days)
		snprintf(buf, size, "%llu-%02u:%02u:%02u",
			 (unsigned long long)days, h, m, s);
	else
		snprintf(buf, size, "%02u:%02u:%02u", h, m, s);
}

void ps_format_row(char *buf, size_t size, const struct ps_row *row)
{
	bool kthread = row->flags & PF_KTHREAD;
	char time[32];

	ps_format_time(time, sizeof(time), row->runtime_ns);
	snprintf(buf, size, "%7d %c %8s %s%.*s%s", row->pid,
		 ps_state_char(row->state), time, kthread ? "[" : "",
		 TASK_COMM_LEN, row->comm, kthread ? "]" : "");
}
