/*
 * Test-only (test-m in modules/build.mk): the other half of the
 * cycle_a/cycle_b dependency cycle.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int cycle_a_value(void);

int cycle_b_value(void)
{
	return 2;
}
EXPORT_SYMBOL(cycle_b_value);

static int __init cycle_b_init(void)
{
	pr_info("cycle_b: loaded, cycle_a_value() = %d\n", cycle_a_value());
	return 0;
}

static void __exit cycle_b_exit(void)
{
	pr_info("cycle_b: unloading\n");
}

module_init(cycle_b_init);
module_exit(cycle_b_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Other half of a dependency cycle (tests only)");
