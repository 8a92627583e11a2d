/*
 * The middle of the chain_* dependency chain: uses chain_base's export and
 * exports its own, so modprobe loads chain_base before it.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

int chain_base_value(void);

int chain_mid_value(void)
{
	return chain_base_value() + 1;
}
EXPORT_SYMBOL(chain_mid_value);

static int __init chain_mid_init(void)
{
	pr_info("chain_mid: loaded, chain_base_value() = %d\n",
		chain_base_value());
	return 0;
}

static void __exit chain_mid_exit(void)
{
	pr_info("chain_mid: unloading\n");
}

module_init(chain_mid_init);
module_exit(chain_mid_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Middle of the chain_* dependency chain");
