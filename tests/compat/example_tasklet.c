/*
 * example_tasklet.c - tasklets as the classic tutorials show them: init
 * schedules a few, they run soon after in softirq context and say so, and
 * exit kills them, so that none can run once the module's code is gone.
 * local_bh_disable() holds them back while init schedules them; one is
 * declared disabled and runs only when exit enables it.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/printk.h>

static int greeter_runs;

static void greeter_fn(struct tasklet_struct *t)
{
	greeter_runs++;
	pr_info("example_tasklet: greeter runs, in softirq: %s, in a task: %s\n",
		in_softirq() ? "yes" : "no", in_task() ? "yes" : "no");
}

static void late_fn(struct tasklet_struct *t)
{
	pr_info("example_tasklet: the disabled one runs, once enabled\n");
}

/* The style before Linux 5.9: a function and an unsigned long. */
static void counter_fn(unsigned long data)
{
	pr_info("example_tasklet: old-style tasklet got data %lu\n", data);
}

static DECLARE_TASKLET(greeter, greeter_fn);
static DECLARE_TASKLET_DISABLED(late, late_fn);
static struct tasklet_struct counter;

static int __init example_tasklet_init(void)
{
	tasklet_init(&counter, counter_fn, 42);
	/*
	 * With bottom halves off nothing runs them until local_bh_enable():
	 * scheduled twice before it can run, the greeter runs once, after
	 * the counter, whose list is served first.
	 */
	local_bh_disable();
	tasklet_schedule(&greeter);
	tasklet_schedule(&greeter);
	tasklet_hi_schedule(&counter);
	tasklet_schedule(&late);
	pr_info("example_tasklet: scheduled, bottom halves off\n");
	local_bh_enable();
	pr_info("example_tasklet: bottom halves on again\n");
	return 0;
}

static void __exit example_tasklet_exit(void)
{
	tasklet_kill(&greeter);
	tasklet_kill(&counter);
	tasklet_enable(&late);
	tasklet_kill(&late);
	pr_info("example_tasklet: killed, the greeter ran %d time%s\n",
		greeter_runs, greeter_runs == 1 ? "" : "s");
}

module_init(example_tasklet_init);
module_exit(example_tasklet_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("tasklets scheduled at init and killed at exit");
