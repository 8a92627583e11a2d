/*
 * A module whose init fails, as a driver does when its device is absent:
 * the loader must undo everything and leave no trace.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int failinit_state[64]; /* bss the loader must free again */

static int __init failinit_init(void)
{
	failinit_state[0] = 1;
	pr_info("failinit: no device, failing with -ENODEV\n");
	return -ENODEV;
}

static void __exit failinit_exit(void)
{
	pr_info("failinit: never called\n");
}

module_init(failinit_init);
module_exit(failinit_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("init_module fails with -ENODEV");
