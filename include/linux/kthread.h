/*
 * Linux-compatible <linux/kthread.h>: kernel threads over
 * <kernel/sched.h>.  Linux's kthread_create() reports failure as an
 * ERR_PTR, Sprout's kthread_create_task() as NULL; kthread_run() creates
 * the thread and wakes it.
 */
#ifndef LINUX_KTHREAD_H
#define LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <kernel/sched.h>

static inline struct task_struct *kthread_err_ptr(struct task_struct *k)
{
	return k ? k : ERR_PTR(-ENOMEM);
}

#define kthread_create(threadfn, data, namefmt, ...) \
	kthread_err_ptr(                             \
		kthread_create_task(threadfn, data, namefmt, ##__VA_ARGS__))

/* The new task, already woken, or an ERR_PTR. */
#define kthread_run(threadfn, data, namefmt, ...)                        \
	({                                                               \
		struct task_struct *__k = kthread_create(threadfn, data, \
							 namefmt,        \
							 ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                        \
			wake_up_process(__k);                            \
		__k;                                                     \
	})

#endif
