/*
 * The running task for mm's heap checkers (KASAN, the slab debug tracks,
 * the per-module leak records): mm sits below the scheduler and asks through
 * the ops registered here.
 */
#include <kernel/init.h>
#include <kernel/mm_debug.h>
#include <kernel/sched.h>
#include <kernel/string.h>

static int mm_debug_pid_of_current(void)
{
	return current->pid;
}

static void mm_debug_comm_of_current(char *buf, size_t size)
{
	strlcpy(buf, current->comm, size);
}

static const struct mm_debug_task_ops sched_mm_debug_ops = {
	.pid = mm_debug_pid_of_current,
	.comm = mm_debug_comm_of_current,
};

static int __init sched_mm_debug_init(void)
{
	mm_debug_task_register(&sched_mm_debug_ops);
	return 0;
}
core_initcall(sched_mm_debug_init);
