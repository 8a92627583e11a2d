/*
 * A module whose exit forgets to delete the timer its init armed: the
 * other half of the loader's unload rule.  Until the timer has fired,
 * rmmod must refuse to free the callback it would call.
 */
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/timer.h>

static unsigned int delay_ms = 1000;
module_param(delay_ms, uint, 0444);
MODULE_PARM_DESC(delay_ms, "when the timer fires, in ms after init");

static struct timer_list hello_timer;

static void hello_timer_fn(struct timer_list *t)
{
	pr_info("hello_timer: fired\n");
}

static int __init hello_timer_init(void)
{
	timer_setup(&hello_timer, hello_timer_fn, 0);
	mod_timer(&hello_timer, jiffies + msecs_to_jiffies(delay_ms));
	pr_info("hello_timer: armed for %u ms\n", delay_ms);
	return 0;
}

/* The bug: no del_timer_sync() for the timer init armed. */
static void __exit hello_timer_exit(void)
{
	pr_info("hello_timer: exit, timer left pending\n");
}

module_init(hello_timer_init);
module_exit(hello_timer_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exit forgets its timer: the unload rule's test");
