/*
 * What the scheduler gives the layers below it at boot: every report's
 * header (the oops's too) learns from it which task it is about; the oops
 * asks it to end the task an exception hit when it is a thread, so that
 * the kernel goes on; a backtrace learns the
 * running thread's stack; interrupt exit and preempt_enable() get the
 * switch that preempts a task.
 */
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/panic.h>
#include <kernel/string.h>
#include "internal.h"

static void describe_task(char *buf, size_t size)
{
	snprintf(buf, size, "PID: %d Comm: %s ", current->pid, current->comm);
}

static bool oops_task_stack(uintptr_t *lo, uintptr_t *hi)
{
	if (current == &init_task)
		return false;
	*lo = (uintptr_t)current->stack;
	*hi = *lo + THREAD_SIZE;
	return true;
}

static void oops_end_task(void)
{
	/* swapper/0 is the idle task: it cannot go, and the oops panics. */
	if (current == &init_task)
		return;
	/* As Linux's do_exit() for a task an oops killed (SIGSEGV). */
	if (is_global_init(current))
		panic("Attempted to kill init! exitcode=0x%08x", SIGSEGV);
	kthread_end_after_oops();
}

static const struct oops_task_ops sched_oops_ops = {
	.stack = oops_task_stack,
	.end_task = oops_end_task,
};

void __init sched_init(void)
{
	oops_task_register(&sched_oops_ops);
	dump_stack_task_register(describe_task);
	backtrace_stack_register(oops_task_stack);
	lockdep_sched_init();
	sched_preempt_init();
}
