/*
 * The bottom of a three-level dependency chain (chain_top uses chain_mid,
 * which uses chain_base): exports a value and loads first.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int chain_base_value(void)
{
	return 1;
}
EXPORT_SYMBOL(chain_base_value);

static int __init chain_base_init(void)
{
	pr_info("chain_base: loaded\n");
	return 0;
}

static void __exit chain_base_exit(void)
{
	pr_info("chain_base: unloading\n");
}

module_init(chain_base_init);
module_exit(chain_base_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Bottom of the chain_* dependency chain");
