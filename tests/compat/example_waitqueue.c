/*
 * example_waitqueue.c - a kernel thread sleeps on a wait queue until a
 * timer, armed for 50 ms later, sets its flag and wakes it.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/wait.h>

static DECLARE_WAIT_QUEUE_HEAD(alarm_wq);
static DECLARE_COMPLETION(sleeper_woke);
static struct timer_list alarm_timer;
static struct task_struct *sleeper;
static int alarm_rang;
static unsigned long armed_at;

static void alarm_fn(struct timer_list *t)
{
	alarm_rang = 1;
	wake_up_interruptible(&alarm_wq);
}

static int sleeper_fn(void *unused)
{
	int err;

	pr_info("sleeper: waiting for the alarm\n");
	err = wait_event_interruptible(alarm_wq,
				       alarm_rang || kthread_should_stop());
	if (!err && alarm_rang)
		pr_info("sleeper: woken by the alarm, %s 50 ms after it was set\n",
			time_after_eq(jiffies,
				      armed_at + msecs_to_jiffies(50)) ?
				"at least" :
				"LESS THAN");
	complete(&sleeper_woke);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static int __init example_waitqueue_init(void)
{
	alarm_rang = 0;
	reinit_completion(&sleeper_woke);
	timer_setup(&alarm_timer, alarm_fn, 0);
	sleeper = kthread_run(sleeper_fn, NULL, "alarm_sleeper");
	if (IS_ERR(sleeper))
		return PTR_ERR(sleeper);
	armed_at = jiffies;
	mod_timer(&alarm_timer, armed_at + msecs_to_jiffies(50));
	pr_info("example_waitqueue: alarm set, timer %s\n",
		timer_pending(&alarm_timer) ? "pending" : "NOT PENDING");
	if (!wait_for_completion_timeout(&sleeper_woke, 2 * HZ)) {
		pr_err("example_waitqueue: the sleeper never woke\n");
		del_timer_sync(&alarm_timer);
		kthread_stop(sleeper);
		return -ETIMEDOUT;
	}
	return 0;
}

static void __exit example_waitqueue_exit(void)
{
	del_timer_sync(&alarm_timer);
	kthread_stop(sleeper);
	pr_info("example_waitqueue: timer %s, sleeper stopped\n",
		timer_pending(&alarm_timer) ? "STILL PENDING" : "idle");
}

module_init(example_waitqueue_init);
module_exit(example_waitqueue_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A thread on a wait queue, woken by a timer");
