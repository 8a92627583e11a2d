/*
 * A thread blocked for good, on purpose: it waits uninterruptibly for a
 * completion that nothing completes until the module is unloaded.  The
 * debug kernel's khungtaskd reports it ("INFO: task hung_waiter:PID
 * blocked for more than N seconds.") with its stack, once.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>

static DECLARE_COMPLETION(never_done);
static struct task_struct *waiter;

static int hung_waiter_fn(void *data)
{
	/* Not wait_for_completion_killable(): nothing may end this wait. */
	wait_for_completion(&never_done);
	return 0;
}

static int __init hung_waiter_init(void)
{
	waiter = kthread_run(hung_waiter_fn, NULL, "hung_waiter");
	if (IS_ERR(waiter))
		return PTR_ERR(waiter);
	/* kthread_stop() after the thread ended needs its task still. */
	get_task_struct(waiter);
	pr_info("hung_waiter: pid %d waits for a completion nothing completes\n",
		waiter->pid);
	return 0;
}

/* The completion comes at last: the thread ends, and so does the report's cause. */
static void __exit hung_waiter_exit(void)
{
	complete(&never_done);
	kthread_stop(waiter);
	put_task_struct(waiter);
}

module_init(hung_waiter_init);
module_exit(hung_waiter_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A thread blocked for good, for CONFIG_DETECT_HUNG_TASK");
