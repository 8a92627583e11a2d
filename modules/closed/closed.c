/*
 * A module under a license that is not GPL-compatible and that uses only
 * ordinary exports: it loads, but taints the kernel ("P"), which lsmod and
 * the oops header then show.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init closed_init(void)
{
	pr_info("closed: loaded\n");
	return 0;
}

static void __exit closed_exit(void)
{
	pr_info("closed: removed\n");
}

module_init(closed_init);
module_exit(closed_exit);

MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("Not GPL-compatible; taints the kernel");
