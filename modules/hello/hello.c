/*
 * The smallest module: a message when it is loaded and when it is removed.
 * Written as a Linux driver would be, through the <linux/...> headers.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init hello_init(void)
{
	pr_info("hello: Hello, world\n");
	return 0;
}

static void __exit hello_exit(void)
{
	pr_info("hello: Goodbye, world\n");
}

module_init(hello_init);
module_exit(hello_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Prints a greeting when loaded and unloaded");
MODULE_VERSION("1.0");
MODULE_ALIAS("greeting");
