/*
 * Uses the exporter module's symbols, so it depends on it (depends=exporter
 * in .modinfo, computed by the build) and holds a reference while loaded.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int exporter_add(int a, int b);
int exporter_calls_so_far(void);

static int __init importer_init(void)
{
	int sum = exporter_add(40, 2);

	pr_info("importer: exporter_add(40, 2) = %d, calls %d\n", sum,
		exporter_calls_so_far());
	return 0;
}

static void __exit importer_exit(void)
{
	pr_info("importer: unloading\n");
}

module_init(importer_init);
module_exit(importer_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Calls the exporter module");
