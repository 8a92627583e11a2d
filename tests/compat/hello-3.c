/*
 * hello-3.c - __init, __initdata and __exit: what is only needed to start
 * the module is freed once it has started.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int hello3_data __initdata = 3;
static const char hello3_greeting[] __initconst = "Hello, world";

static int __init hello_3_init(void)
{
	pr_info("%s %d\n", hello3_greeting, hello3_data);
	return 0;
}

static void __exit hello_3_exit(void)
{
	pr_info("Goodbye, world 3\n");
}

module_init(hello_3_init);
module_exit(hello_3_exit);

MODULE_LICENSE("GPL");
