/*
 * The same object freed twice on purpose.  KASAN finds it freed already
 * (in its quarantine), reports the second kfree with both stacks, and
 * the heap is left as it was; the module loads all the same.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

static int __init kasan_double_free_init(void)
{
	char *p = kmalloc(32, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	kfree(p);
	pr_info("kasan_double_free: freed the same object twice\n");
	return 0;
}

static void __exit kasan_double_free_exit(void)
{
}

module_init(kasan_double_free_init);
module_exit(kasan_double_free_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Frees a kmalloc object twice, for KASAN");
