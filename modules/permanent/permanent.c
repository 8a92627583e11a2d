/*
 * A module with no exit function: once loaded it can never be removed
 * (rmmod answers -EBUSY), as in Linux.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init permanent_init(void)
{
	pr_info("permanent: loaded for good\n");
	return 0;
}

module_init(permanent_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Has no cleanup_module, so it cannot be unloaded");
