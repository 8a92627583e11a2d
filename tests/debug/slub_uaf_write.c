/*
 * A write into a kmalloc object after it was freed, on purpose.  The
 * freed object is poisoned (0x6b), so the next kmalloc() of its size,
 * which gets the same object back, finds the poison written over: the
 * debug kernel's slab debugging reports "Poison overwritten", restores
 * the poison and hands the object out.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

/* Kept where the compiler must store through it after the free. */
static char *slub_uaf_stale;

static int __init slub_uaf_write_init(void)
{
	char *again;

	slub_uaf_stale = kmalloc(128, GFP_KERNEL);
	if (!slub_uaf_stale)
		return -ENOMEM;
	kfree(slub_uaf_stale);
	slub_uaf_stale[8] = 'x';
	again = kmalloc(128, GFP_KERNEL);
	pr_info("slub_uaf_write: wrote into a freed object; allocated %s\n",
		again == slub_uaf_stale ? "it again" : "another one");
	kfree(again);
	return 0;
}

static void __exit slub_uaf_write_exit(void)
{
}

module_init(slub_uaf_write_init);
module_exit(slub_uaf_write_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes into a freed kmalloc object, for CONFIG_SLUB_DEBUG");
