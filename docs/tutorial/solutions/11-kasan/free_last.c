/*
 * Exercise 5 of chapter 11: tests/debug/kasan_uaf.c with its bug fixed.
 * The value is read while the object is still allocated, and the object
 * freed after its last use: the debug kernel's KASAN has nothing to report.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

static int __init free_last_init(void)
{
	int *p = kmalloc(64, GFP_KERNEL);
	int value;

	if (!p)
		return -ENOMEM;
	p[0] = 42;
	value = READ_ONCE(p[0]); /* the last use of p */
	kfree(p);
	pr_info("free_last: read the object before freeing it: %d\n", value);
	return 0;
}

static void __exit free_last_exit(void)
{
}

module_init(free_last_init);
module_exit(free_last_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reads an object, then frees it: kasan_uaf fixed");
