/*
 * hello-2.c - the entry and exit functions named with module_init() and
 * module_exit(), so they can be called anything; printk() with a level.
 */
#include <linux/init.h> /* the macros */
#include <linux/module.h>
#include <linux/printk.h>

static int __init hello_2_init(void)
{
	printk(KERN_INFO "Hello, world 2\n");
	/* No level: the default one (warning), as Linux. */
	printk("hello-2: a printk with no level\n");
	return 0;
}

static void __exit hello_2_exit(void)
{
	printk(KERN_INFO "Goodbye, world 2\n");
}

module_init(hello_2_init);
module_exit(hello_2_exit);

MODULE_LICENSE("GPL");
