/*
 * Chapter 11, exercise 7: tests/debug/leak_three with a cleanup that
 * frees what its init allocated, in the reverse order: the cache's object
 * goes back to the cache before the cache is destroyed (a cache with an
 * object in it is refused and kept), the cache last.  The debug kernel
 * lists nothing at its unload.
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

static int __init leak_three_fixed_init(void)
{
	leak_three_cache = kmem_cache_create("leak_three_fixed_item",
					     sizeof(struct leak_three_item), 0,
					     0, NULL);
	if (!leak_three_cache)
		return -ENOMEM;
	leak_three_buf = kmalloc(100, GFP_KERNEL);
	leak_three_name = kstrdup("leak_three's name", GFP_KERNEL);
	leak_three_item = kmem_cache_zalloc(leak_three_cache, GFP_KERNEL);
	pr_info("leak_three_fixed: allocated three objects\n");
	return 0;
}

/* kfree() and kmem_cache_free() take NULL: a failed allocation is fine. */
static void __exit leak_three_fixed_exit(void)
{
	kmem_cache_free(leak_three_cache, leak_three_item);
	kfree(leak_three_name);
	kfree(leak_three_buf);
	kmem_cache_destroy(leak_three_cache);
	pr_info("leak_three_fixed: freed three objects and the cache\n");
}

module_init(leak_three_fixed_init);
module_exit(leak_three_fixed_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("leak_three, freeing what it allocated");
