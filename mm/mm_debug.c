/*
 * The running task, for the heap checkers' records (slab debug tracks,
 * per-module leak records): the scheduler sits above mm, so it registers
 * how to name the task (include/kernel/mm_debug.h).
 */
#include <kernel/mm_debug.h>
#include <kernel/string.h>
#include "slub_debug.h"

static const struct mm_debug_task_ops *task_ops;

void mm_debug_task_register(const struct mm_debug_task_ops *ops)
{
	task_ops = ops;
}

int mm_debug_pid(void)
{
	return task_ops ? task_ops->pid() : 0;
}

void mm_debug_comm(char *buf, size_t size)
{
	if (task_ops)
		task_ops->comm(buf, size);
	else
		strlcpy(buf, "swapper/0", size);
}
