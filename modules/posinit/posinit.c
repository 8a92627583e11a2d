/*
 * A module whose init returns a positive number, breaking the 0/-errno
 * convention: the loader warns about it, as Linux does, and keeps the
 * module loaded (the positive value is taken as success).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init posinit_init(void)
{
	pr_info("posinit: init returning 1\n");
	return 1;
}

static void __exit posinit_exit(void)
{
	pr_info("posinit: removed\n");
}

module_init(posinit_init);
module_exit(posinit_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("init_module returns 1 instead of 0 or a negative errno");
