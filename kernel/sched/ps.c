/*
 * The ps command: every task with its PID, state, CPU time and name.  The
 * tasks are copied with interrupts off, then printed, so that no task can
 * end (and be freed) while its line is being written.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include "ps.h"

static size_t ps_count_tasks(void)
{
	uint64_t irq = irq_save();
	size_t n = 1; /* init_task heads the list */
	struct task_struct *t;

	list_for_each_entry(t, &init_task.tasks, tasks)
		n++;
	irq_restore(irq);
	return n;
}

static void ps_copy(struct ps_row *row, const struct task_struct *t)
{
	row->pid = t->pid;
	row->state = t->state;
	row->flags = t->flags;
	row->runtime_ns = t->sum_exec_runtime;
	/* The running task's time so far is counted only at its next switch. */
	if (t == current)
		row->runtime_ns += ktime_get_ns() - t->exec_start;
	memcpy(row->comm, t->comm, sizeof(row->comm));
}

/* Copy at most @max tasks into @rows, PID order; returns how many. */
static size_t ps_snapshot(struct ps_row *rows, size_t max)
{
	uint64_t irq = irq_save();
	struct task_struct *t;
	size_t n = 0;

	ps_copy(&rows[n++], &init_task);
	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (n == max)
			break; /* created since counted: next time */
		ps_copy(&rows[n++], t);
	}
	irq_restore(irq);
	return n;
}

static int cmd_ps(char *args)
{
	size_t max = ps_count_tasks(), n;
	struct ps_row *rows;
	char line[80];

	if (*args)
		return -EINVAL;
	rows = kmalloc(max * sizeof(*rows), GFP_KERNEL);
	if (!rows) {
		console_printf("ps: out of memory for %zu tasks\n", max);
		return SHELL_FAILED;
	}
	n = ps_snapshot(rows, max);
	console_printf("%s\n", PS_HEADER);
	for (size_t i = 0; i < n; i++) {
		ps_format_row(line, sizeof(line), &rows[i]);
		console_printf("%s\n", line);
	}
	kfree(rows);
	return 0;
}
SHELL_COMMAND("ps", "", "list every task: PID, state, CPU time, name", cmd_ps);
