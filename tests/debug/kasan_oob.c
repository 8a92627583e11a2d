/*
 * A write one byte past a kmalloc(100) object on purpose: the byte is in
 * the object's heap slot (kmalloc-128) but past what was asked for.  The
 * debug kernel's KASAN reports it (slab-out-of-bounds) and the module
 * loads all the same.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

/* A parameter, so that the compiler cannot see the index is too large. */
static int index = 100;
module_param(index, int, 0444);

static int __init kasan_oob_init(void)
{
	char *p = kmalloc(100, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p[index] = 'x';
	pr_info("kasan_oob: wrote p[%d] of a 100-byte object\n", index);
	kfree(p);
	return 0;
}

static void __exit kasan_oob_exit(void)
{
}

module_init(kasan_oob_init);
module_exit(kasan_oob_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes one byte past a kmalloc object, for KASAN");
