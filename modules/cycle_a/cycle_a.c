/*
 * Test-only (test-m in modules/build.mk): cycle_a and cycle_b use each
 * other's exports, a dependency cycle modprobe must report, not follow.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int cycle_b_value(void);

int cycle_a_value(void)
{
	return 1;
}
EXPORT_SYMBOL(cycle_a_value);

static int __init cycle_a_init(void)
{
	pr_info("cycle_a: loaded, cycle_b_value() = %d\n", cycle_b_value());
	return 0;
}

static void __exit cycle_a_exit(void)
{
	pr_info("cycle_a: unloading\n");
}

module_init(cycle_a_init);
module_exit(cycle_a_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("One half of a dependency cycle (tests only)");
