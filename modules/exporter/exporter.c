/*
 * A module that exports symbols for other modules: one to everyone, one to
 * GPL-compatible modules only.  While a user is loaded it cannot be removed.
 */
#include <linux/export.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int exporter_calls;

int exporter_add(int a, int b)
{
	exporter_calls++;
	return a + b;
}
EXPORT_SYMBOL(exporter_add);

int exporter_calls_so_far(void)
{
	return exporter_calls;
}
EXPORT_SYMBOL_GPL(exporter_calls_so_far);

static int __init exporter_init(void)
{
	pr_info("exporter: ready\n");
	return 0;
}

static void __exit exporter_exit(void)
{
	pr_info("exporter: gone after %d calls\n", exporter_calls);
}

module_init(exporter_init);
module_exit(exporter_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Exports exporter_add and exporter_calls_so_far");
