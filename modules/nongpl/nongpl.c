/*
 * A module under a license that is not GPL-compatible using a GPL-only
 * export: the loader refuses it (and the license alone taints the kernel).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int exporter_calls_so_far(void);

static int __init nongpl_init(void)
{
	pr_info("nongpl: exporter was called %d times\n",
		exporter_calls_so_far());
	return 0;
}

static void __exit nongpl_exit(void)
{
}

module_init(nongpl_init);
module_exit(nongpl_exit);

MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("Uses a GPL-only symbol without a GPL-compatible license");
