/*
 * A read of a kfree'd object on purpose.  KASAN holds the object in its
 * quarantine, poisoned, so the read is seen as a use after free, with the
 * stacks that allocated and freed it, and the module loads all the same.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

static int __init kasan_uaf_init(void)
{
	int *p = kmalloc(64, GFP_KERNEL);
	int value;

	if (!p)
		return -ENOMEM;
	p[0] = 42;
	kfree(p);
	value = READ_ONCE(p[0]);
	pr_info("kasan_uaf: read a freed object: %d\n", value);
	return 0;
}

static void __exit kasan_uaf_exit(void)
{
}

module_init(kasan_uaf_init);
module_exit(kasan_uaf_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reads an object after kfree, for KASAN");
