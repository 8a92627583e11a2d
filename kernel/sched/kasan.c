/*
 * What KASAN (mm/kasan/), below the scheduler, learns from it: which task
 * made an access, an allocation or a free.
 */
#include <kernel/init.h>
#include <kernel/kasan.h>
#include <kernel/string.h>
#include "internal.h"

static void kasan_current_task(int *pid, char *comm, size_t size)
{
	*pid = current->pid;
	strlcpy(comm, current->comm, size);
}

static const struct kasan_task_ops sched_kasan_ops = {
	.current_task = kasan_current_task,
};

void __init sched_kasan_init(void)
{
	kasan_task_register(&sched_kasan_ops);
}
