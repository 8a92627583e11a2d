/*
 * example_debug.c - pr_debug() as Linux has it: this file is built with
 * -DDEBUG (CFLAGS_example_debug.o in the Makefile), so its debug message
 * is logged; hello-4's, built without DEBUG, is compiled out.  Logged or
 * not, a debug message stays off the console at the default loglevel:
 * dmesg shows it.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init example_debug_init(void)
{
	pr_debug("example_debug: built with DEBUG, so this line is logged\n");
	pr_info("example_debug: loaded\n");
	return 0;
}

static void __exit example_debug_exit(void)
{
	pr_info("example_debug: unloaded\n");
}

module_init(example_debug_init);
module_exit(example_debug_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("pr_debug in a module built with DEBUG");
