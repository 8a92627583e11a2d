/*
 * A module whose exit forgets the delayed work its init queued: the
 * workqueue's half of the loader's unload rule.  Until the work has run,
 * rmmod must refuse to free the function a kworker would call.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/workqueue.h>

static unsigned int delay_ms = 1000;
module_param(delay_ms, uint, 0444);
MODULE_PARM_DESC(delay_ms, "when the work runs, in ms after init");

static void hello_work_fn(struct work_struct *work)
{
	pr_info("hello_work: ran\n");
}

static DECLARE_DELAYED_WORK(hello_work, hello_work_fn);

static int __init hello_work_init(void)
{
	schedule_delayed_work(&hello_work, msecs_to_jiffies(delay_ms));
	pr_info("hello_work: queued for %u ms\n", delay_ms);
	return 0;
}

/* The bug: no cancel_delayed_work_sync() for the work init queued. */
static void __exit hello_work_exit(void)
{
	pr_info("hello_work: exit, work left pending\n");
}

module_init(hello_work_init);
module_exit(hello_work_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exit forgets its delayed work: the unload rule's test");
