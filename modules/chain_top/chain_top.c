/*
 * The top of the chain_* dependency chain: uses chain_mid's export, so
 * loading it takes chain_base, then chain_mid, then this.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int chain_mid_value(void);

static int __init chain_top_init(void)
{
	pr_info("chain_top: loaded, chain_mid_value() = %d\n",
		chain_mid_value());
	return 0;
}

static void __exit chain_top_exit(void)
{
	pr_info("chain_top: unloading\n");
}

module_init(chain_top_init);
module_exit(chain_top_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Top of the chain_* dependency chain");
