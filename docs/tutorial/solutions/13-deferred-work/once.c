/*
 * Chapter 13, exercise 1: a tasklet scheduled three times by a timer
 * callback before it could run runs once, at the tick interrupt's exit;
 * scheduled again from its own callback, it runs again after it.  Init
 * waits on a completion that the last run completes.
 */
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/timer.h>

#define ONCE_SCHEDULES 3 /* from the timer, before the tasklet can run */
#define ONCE_AGAIN 2	 /* from the tasklet's own callback */

static struct timer_list once_timer;
static struct tasklet_struct once_tasklet;
static DECLARE_COMPLETION(once_done);
static int runs, again = ONCE_AGAIN;

static void once_run(struct tasklet_struct *t)
{
	runs++;
	pr_info("once: run %d, serving softirqs: %s\n", runs,
		in_serving_softirq() ? "yes" : "no");
	if (again-- > 0)
		tasklet_schedule(t);
	else
		complete(&once_done);
}

static void once_fire(struct timer_list *t)
{
	/* The tick interrupt: nothing runs the tasklet before its exit. */
	for (int i = 0; i < ONCE_SCHEDULES; i++)
		tasklet_schedule(&once_tasklet);
}

static int __init once_init(void)
{
	tasklet_setup(&once_tasklet, once_run);
	timer_setup(&once_timer, once_fire, 0);
	mod_timer(&once_timer, jiffies + 1);
	wait_for_completion(&once_done);
	pr_info("once: %d schedules from the timer and %d from the callback: %d runs\n",
		ONCE_SCHEDULES, ONCE_AGAIN, runs);
	return 0;
}

static void __exit once_exit(void)
{
	/* Who set them up tears them down, in reverse order. */
	del_timer_sync(&once_timer);
	tasklet_kill(&once_tasklet);
}

module_init(once_init);
module_exit(once_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a tasklet runs once however often it was scheduled");
