/*
 * Exercise 4 of chapter 11: tests/debug/hung_waiter.c's thread, waiting
 * for a completion that only its module's exit completes -- but waiting
 * interruptibly.  A thread parked until there is work is not hung, and
 * TASK_INTERRUPTIBLE says so: khungtaskd looks only at tasks in
 * TASK_UNINTERRUPTIBLE.  The exit still ends it, by completing.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>

static DECLARE_COMPLETION(go_away);
static struct task_struct *waiter;

static int patient_waiter_fn(void *data)
{
	/* A kernel thread gets no signals: this waits for complete(). */
	while (wait_for_completion_interruptible(&go_away))
		;
	pr_info("patient_waiter: told to go, going\n");
	return 0;
}

static int __init patient_waiter_init(void)
{
	waiter = kthread_run(patient_waiter_fn, NULL, "patient_waiter");
	if (IS_ERR(waiter))
		return PTR_ERR(waiter);
	/* kthread_stop() after the thread ended needs its task still. */
	get_task_struct(waiter);
	return 0;
}

static void __exit patient_waiter_exit(void)
{
	complete(&go_away);
	kthread_stop(waiter);
	put_task_struct(waiter);
}

module_init(patient_waiter_init);
module_exit(patient_waiter_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A thread that waits for its unload, interruptibly");
