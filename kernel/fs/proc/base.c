/*
 * /proc/<pid>/: a directory per task with its status and stack, made when
 * the scheduler creates the task and removed when it ends, or when it is
 * stopped after an oops ended it (the hooks sched offers the layer above).  A file names its task by PID, never by
 * pointer: one opened on a task that has since ended reads -ESRCH.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

#define PROC_STACK_DEPTH 64 /* Linux's MAX_STACK_TRACE_DEPTH */

struct task_struct *proc_pid_task_get(int pid)
{
	uint64_t irq = irq_save();
	struct task_struct *t, *found = NULL;

	if (pid == 0) {
		found = &init_task;
	} else {
		list_for_each_entry(t, &init_task.tasks, tasks)
			if (t->pid == pid && t->state != TASK_DEAD) {
				found = t;
				break;
			}
	}
	if (found)
		get_task_struct(found);
	irq_restore(irq);
	return found;
}

static int pid_of(struct seq_file *m)
{
	return (int)(uintptr_t)m->private;
}

/* Linux's task_state_array[], by the state Sprout's tasks can be in. */
static const char *task_state_name(unsigned int state)
{
	if (state == TASK_RUNNING)
		return "R (running)";
	if (state & TASK_DEAD)
		return "Z (zombie)";
	if ((state & TASK_IDLE) == TASK_IDLE)
		return "I (idle)";
	if (state & TASK_INTERRUPTIBLE)
		return "S (sleeping)";
	return "D (disk sleep)";
}

/* Sprout's tasks are all kernel threads of one process each, parentless. */
static int status_show(struct seq_file *m, void *v)
{
	struct task_struct *t = proc_pid_task_get(pid_of(m));

	if (!t)
		return -ESRCH;
	seq_printf(m, "Name:\t%s\n", t->comm);
	seq_printf(m, "State:\t%s\n", task_state_name(t->state));
	seq_printf(m, "Tgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t0\n", t->pid,
		   t->pid);
	seq_printf(m, "TracerPid:\t0\nKthread:\t%d\nThreads:\t1\n",
		   !!(t->flags & PF_KTHREAD));
	seq_printf(m, "SigPnd:\t%016lx\nSigIgn:\t%016lx\n", t->sig_pending,
		   ~t->sig_allowed);
	seq_printf(m, "Cpus_allowed_list:\t0\n");
	seq_printf(m, "voluntary_ctxt_switches:\t%lu\n", t->nvcsw);
	seq_printf(m, "nonvoluntary_ctxt_switches:\t%lu\n", t->nivcsw);
	put_task_struct(t);
	return 0;
}

/* Linux's proc_pid_stack(): "[<0>] " (the address hidden) and %pB. */
static int stack_show(struct seq_file *m, void *v)
{
	struct task_struct *t = proc_pid_task_get(pid_of(m));
	unsigned long *entries;
	unsigned int n;
	char sym[KSYM_SYMBOL_LEN];

	if (!t)
		return -ESRCH;
	entries = kmalloc(PROC_STACK_DEPTH * sizeof(*entries), GFP_KERNEL);
	if (!entries) {
		put_task_struct(t);
		return -ENOMEM;
	}
	n = stack_trace_save_tsk(t, entries, PROC_STACK_DEPTH, 0);
	for (unsigned int i = 0; i < n; i++) {
		sprint_backtrace(sym, sizeof(sym), entries[i]);
		seq_printf(m, "[<0>] %s\n", sym);
	}
	kfree(entries);
	put_task_struct(t);
	return 0;
}

static void proc_pid_make(int pid)
{
	struct proc_dir_entry *dir, *status, *stack;
	void *data = (void *)(uintptr_t)pid;
	char name[16];

	snprintf(name, sizeof(name), "%d", pid);
	dir = proc_mkdir(name, NULL);
	if (!dir)
		return;
	status =
		proc_create_single_data("status", 0444, dir, status_show, data);
	stack = proc_create_single_data("stack", 0400, dir, stack_show, data);
	if (!status || !stack) {
		proc_remove(dir);
		return;
	}
	/* A file left open on a task that ended reads as Linux's do. */
	status->gone_err = -ESRCH;
	stack->gone_err = -ESRCH;
}

static void proc_pid_fork(struct task_struct *t)
{
	proc_pid_make(t->pid);
}

static void proc_pid_exit(struct task_struct *t)
{
	char name[16];

	snprintf(name, sizeof(name), "%d", t->pid);
	remove_proc_subtree(name, NULL);
}

/* Every task so far but swapper/0 (no /proc/0, as Linux), as few as
 * there are at fs_initcall. */
static int proc_pid_existing(int *pids, int max)
{
	uint64_t irq = irq_save();
	struct task_struct *t;
	int n = 0;

	list_for_each_entry(t, &init_task.tasks, tasks)
		if (n < max && t->state != TASK_DEAD)
			pids[n++] = t->pid;
	irq_restore(irq);
	return n;
}

int __init proc_pid_init(void)
{
	int pids[64], n;

	sched_fork_hook_register(proc_pid_fork);
	sched_exit_hook_register(proc_pid_exit);
	sched_reap_hook_register(proc_pid_exit);
	n = proc_pid_existing(pids, ARRAY_SIZE(pids));
	for (int i = 0; i < n; i++) {
		struct task_struct *t = proc_pid_task_get(pids[i]);

		if (t)
			proc_pid_make(pids[i]);
		if (t)
			put_task_struct(t);
	}
	return 0;
}
