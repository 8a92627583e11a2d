/*
 * hello-1.c - the smallest module there is: no macros, just the two
 * functions the kernel looks for by name.
 */
#include <linux/module.h> /* every module needs it */
#include <linux/printk.h> /* pr_info() */

int init_module(void)
{
	pr_info("Hello world 1.\n");

	/* Anything but 0 means the module could not start, and it is not loaded. */
	return 0;
}

void cleanup_module(void)
{
	pr_info("Goodbye world 1.\n");
}

MODULE_LICENSE("GPL");
