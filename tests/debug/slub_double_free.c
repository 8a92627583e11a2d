/*
 * A kmalloc object freed twice, on purpose.  The debug kernel's slab
 * debugging reports "Object already free" at the second kfree(), with
 * who allocated and who first freed the object, and refuses that free.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

static int __init slub_double_free_init(void)
{
	void *obj = kmalloc(32, GFP_KERNEL);

	if (!obj)
		return -ENOMEM;
	kfree(obj);
	kfree(obj);
	pr_info("slub_double_free: freed one object twice\n");
	return 0;
}

static void __exit slub_double_free_exit(void)
{
}

module_init(slub_double_free_init);
module_exit(slub_double_free_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Frees a kmalloc object twice, for CONFIG_SLUB_DEBUG");
