/*
 * Chapter 13, exercise 2: where does each kind of code run?  Init, a
 * timer callback, a tasklet and a work item each record what
 * preempt_count says about them and which task they run in; init prints
 * the four once the last has run.
 */
#include <linux/completion.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

struct context_seen {
	const char *who;
	bool interrupt, serving_softirq, task;
	char comm[TASK_COMM_LEN];
};

enum { SEEN_INIT, SEEN_TIMER, SEEN_TASKLET, SEEN_WORK, SEEN_COUNT };

static struct context_seen seen[SEEN_COUNT];
static struct timer_list context_timer;
static struct tasklet_struct context_tasklet;
static struct work_struct context_work;
static DECLARE_COMPLETION(context_done);

static void context_note(int slot, const char *who)
{
	seen[slot].who = who;
	seen[slot].interrupt = in_interrupt();
	seen[slot].serving_softirq = in_serving_softirq();
	seen[slot].task = in_task();
	strscpy(seen[slot].comm, current->comm, sizeof(seen[slot].comm));
}

/* The chain: timer, then the tasklet it schedules, then the work item. */
static void context_work_fn(struct work_struct *work)
{
	context_note(SEEN_WORK, "work item");
	complete(&context_done);
}

static void context_tasklet_fn(struct tasklet_struct *t)
{
	context_note(SEEN_TASKLET, "tasklet");
	schedule_work(&context_work);
}

static void context_timer_fn(struct timer_list *t)
{
	context_note(SEEN_TIMER, "timer");
	tasklet_schedule(&context_tasklet);
}

static int __init context_init(void)
{
	context_note(SEEN_INIT, "init");
	INIT_WORK(&context_work, context_work_fn);
	tasklet_setup(&context_tasklet, context_tasklet_fn);
	timer_setup(&context_timer, context_timer_fn, 0);
	mod_timer(&context_timer, jiffies + 1);
	wait_for_completion(&context_done);
	for (int i = 0; i < SEEN_COUNT; i++)
		pr_info("context: %-9s interrupt %d softirq %d task %d in %s\n",
			seen[i].who, seen[i].interrupt, seen[i].serving_softirq,
			seen[i].task, seen[i].comm);
	return 0;
}

static void __exit context_exit(void)
{
	del_timer_sync(&context_timer);
	tasklet_kill(&context_tasklet);
	cancel_work_sync(&context_work);
}

module_init(context_init);
module_exit(context_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION(
	"in_interrupt(), in_serving_softirq(), in_task() where they change");
