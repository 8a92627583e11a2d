/*
 * A module whose exit forgets to stop the thread its init started: the
 * bug the loader's unload rule catches.  The thread sleeps until it gets
 * SIGTERM, then returns; until then rmmod must refuse to free the code it
 * runs.
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(linger_wq);

static int linger_fn(void *data)
{
	allow_signal(SIGTERM);
	/* Nothing wakes the queue: only a signal ends the wait. */
	wait_event_interruptible(linger_wq, kthread_should_stop());
	pr_info("lingering: thread ends\n");
	return 0;
}

static int __init lingering_init(void)
{
	struct task_struct *t = kthread_run(linger_fn, NULL, "lingering");

	if (IS_ERR(t))
		return PTR_ERR(t);
	pr_info("lingering: thread %s[%d] started\n", t->comm, t->pid);
	return 0;
}

/* The bug: no kthread_stop() for the thread init started. */
static void __exit lingering_exit(void)
{
	pr_info("lingering: exit, thread left running\n");
}

module_init(lingering_init);
module_exit(lingering_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exit forgets its thread: the unload rule's test");
