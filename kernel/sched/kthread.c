/*
 * Kernel threads with Linux's API: a task that runs a function, sleeps
 * until first woken, and can be asked to stop.  The thread ends when its
 * function returns; kthread_stop() waits for that and hands back the
 * result.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

/* Each kernel thread's body: run threadfn unless stopped before it ran. */
static void kthread_main(void *unused)
{
	struct task_struct *self = current;

	self->exit_code = self->should_stop ? -EINTR :
					      self->threadfn(self->data);
	/* Linux's do_exit() asks the same: a lock still held is never freed. */
	debug_check_no_locks_held();
	sched_run_exit_hook();
	/*
	 * From here to TASK_DEAD (sched_exit()) nothing may preempt us: a
	 * waiter of kthread_stop() would go on while we still ran, and the
	 * stack be freed at some later switch instead of at our last one.
	 */
	cli();
	complete_all(&self->exited);
}

struct task_struct *kthread_create_task(int (*threadfn)(void *data), void *data,
					const char *namefmt, ...)
{
	char comm[TASK_COMM_LEN];
	struct task_struct *k;
	va_list ap;

	va_start(ap, namefmt);
	vsnprintf(comm, sizeof(comm), namefmt, ap);
	va_end(ap);
	k = sched_create_task(kthread_main, NULL, comm);
	if (!k)
		return NULL;
	init_completion(&k->exited);
	k->flags |= PF_KTHREAD;
	k->threadfn = threadfn;
	k->data = data;
	return k;
}
EXPORT_SYMBOL(kthread_create_task);

int kthread_stop(struct task_struct *k)
{
	int ret;

	get_task_struct(k);
	k->should_stop = true;
	wake_up_process(k);
	wait_for_completion(&k->exited);
	ret = k->exit_code;
	if (k->oopsed)
		sched_run_reap_hook(k);
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);

void kthread_end_after_oops(void)
{
	struct task_struct *self = current;

	/* Linux's note when a task dies from an exception handler. */
	pr_emerg("note: %s[%d] exited with irqs disabled\n", self->comm,
		 self->pid);
	self->exit_code = -EFAULT;
	self->oopsed = true;
	complete_all(&self->exited);
	sched_exit();
}

bool kthread_should_stop(void)
{
	return current->should_stop;
}
EXPORT_SYMBOL(kthread_should_stop);

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	if (cpu != 0)
		pr_warn("WARNING: kthread_bind(%s, %u): no CPU %u, Sprout runs on CPU 0 alone\n",
			k->comm, cpu, cpu);
}
EXPORT_SYMBOL(kthread_bind);
