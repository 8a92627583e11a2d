/*
 * CONFIG_DETECT_HUNG_TASK: khungtaskd, as Linux's kernel/hung_task.c, wakes
 * every hung_task_timeout_secs and reports each task that has slept in
 * TASK_UNINTERRUPTIBLE, never switched in, for that long -- a lock never
 * given back, a completion never completed -- with its stack, once.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "internal.h"

/* Linux's default; 0 turns the detector off. */
static unsigned int sysctl_hung_task_timeout_secs = 120;

static int __init hung_task_timeout_setup(const char *val)
{
	if (!val || kstrtouint(val, 10, &sysctl_hung_task_timeout_secs))
		return -EINVAL;
	return 0;
}
__setup("hung_task_timeout_secs", hung_task_timeout_setup);

/* Report @t if it slept uninterruptibly through a whole period: true if
 * it was reported now. */
/* excerpt: check-hung-task */
static bool check_hung_task(struct task_struct *t, unsigned long timeout)
{
	unsigned long switch_count = t->nvcsw + t->nivcsw;

	/*
	 * A thread created and not yet woken has never run: it waits in
	 * TASK_UNINTERRUPTIBLE for its creator, not for a lock.
	 */
	if (!switch_count)
		return false;
	if (switch_count != t->last_switch_count) {
		t->last_switch_count = switch_count;
		t->last_switch_time = jiffies_get();
		t->hung_reported = false;
		return false;
	}
	if (jiffies_get() - t->last_switch_time < timeout * HZ ||
	    t->hung_reported)
		return false;
	t->hung_reported = true;
	pr_err("INFO: task %s:%d blocked for more than %lu seconds.\n", t->comm,
	       t->pid, timeout);
	pr_err("      %s Sprout " SPROUT_VERSION "\n", kernel_taint_string());
	/*
	 * Linux says next how to silence the message, with "echo 0 >
	 * /proc/sys/kernel/hung_task_timeout_secs": Sprout has no /proc/sys
	 * (the timeout is a command-line parameter only), so that line is
	 * left out.
	 */
	sched_show_task(t);
	return true;
}
/* excerpt-end: check-hung-task */

static int watchdog(void *data)
{
	unsigned long timeout = sysctl_hung_task_timeout_secs;
	struct task_struct *t;
	bool reported;

	for (;;) {
		schedule_timeout_interruptible((long)(timeout * HZ));
		/* On one CPU, no task can end and be freed while we walk. */
		preempt_disable();
		reported = false;
		list_for_each_entry(t, &init_task.tasks, tasks)
			if (t->state == TASK_UNINTERRUPTIBLE)
				reported |= check_hung_task(t, timeout);
		/* As Linux's: which locks may the hung tasks wait for? */
		if (reported)
			debug_show_all_locks();
		preempt_enable();
	}
	return 0;
}

static int __init hung_task_init(void)
{
	struct task_struct *t;

	if (!sysctl_hung_task_timeout_secs)
		return 0;
	t = kthread_create_task(watchdog, NULL, "khungtaskd");
	if (!t) {
		pr_err("hung_task: cannot create khungtaskd: no hung-task reports\n");
		return -ENOMEM;
	}
	wake_up_process(t);
	return 0;
}
late_initcall(hung_task_init);
