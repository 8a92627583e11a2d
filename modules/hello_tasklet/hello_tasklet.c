/*
 * A module whose exit forgets the tasklet its init scheduled: the unload
 * rule's case for tasklets.  The tasklet waits disabled, as a driver's
 * does until its device is ready, so it stays scheduled; until it has
 * run, rmmod must refuse to free the function it would call.
 */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/printk.h>

static struct tasklet_struct hello_tasklet;

static void hello_tasklet_fn(struct tasklet_struct *t)
{
	pr_info("hello_tasklet: ran\n");
}

static int __init hello_tasklet_init(void)
{
	tasklet_setup(&hello_tasklet, hello_tasklet_fn);
	tasklet_disable(&hello_tasklet);
	tasklet_schedule(&hello_tasklet);
	pr_info("hello_tasklet: scheduled, disabled\n");
	return 0;
}

/* The bug: no tasklet_enable() and tasklet_kill() for what init did. */
static void __exit hello_tasklet_exit(void)
{
	pr_info("hello_tasklet: exit, tasklet left scheduled\n");
}

module_init(hello_tasklet_init);
module_exit(hello_tasklet_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exit forgets its tasklet: the unload rule's test");
