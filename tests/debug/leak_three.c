/*
 * A module that forgets to free, on purpose: three allocations -- a
 * kmalloc(), a copy made by the kernel's kstrdup() on its behalf, an
 * object of its own kmem_cache -- of which its cleanup_module frees none.
 * The cache cannot be destroyed with an object in it, so it stays too.
 * When the module unloads, the debug kernel lists all four, each with its
 * size and the call chain that allocated it, and counts them in
 * /sys/kernel/debug/kmemleak.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

struct leak_three_item {
	int id;
	char tag[44];
};

static struct kmem_cache *leak_three_cache;
static void *leak_three_buf;
static char *leak_three_name;
static struct leak_three_item *leak_three_item;

static int __init leak_three_init(void)
{
	leak_three_cache = kmem_cache_create("leak_three_item",
					     sizeof(struct leak_three_item), 0,
					     0, NULL);
	if (!leak_three_cache)
		return -ENOMEM;
	leak_three_buf = kmalloc(100, GFP_KERNEL);
	leak_three_name = kstrdup("leak_three's name", GFP_KERNEL);
	leak_three_item = kmem_cache_zalloc(leak_three_cache, GFP_KERNEL);
	pr_info("leak_three: allocated three objects\n");
	return 0;
}

/* Frees nothing: the bug this module stands for. */
static void __exit leak_three_exit(void)
{
	kmem_cache_destroy(leak_three_cache);
}

module_init(leak_three_init);
module_exit(leak_three_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Leaks three allocations, for CONFIG_DEBUG_KMEMLEAK_MODULES");
