/*
 * hello-4.c - a module that documents itself (modinfo reads it), prefixes
 * its own messages with pr_fmt, uses every log level and KERN_CONT, and
 * names a function with %pS.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("A. Student <student@example.org>");
MODULE_DESCRIPTION("A sample driver");
MODULE_VERSION("1.4");
MODULE_ALIAS("hello-four");
MODULE_INFO(course, "kernel modules 101");
MODULE_SOFTDEP("pre: hello-1");

static int __init hello_4_init(void)
{
	pr_info("Hello, world 4\n");
	pr_notice("notice level\n");
	pr_warn("warning level\n");
	pr_err("error level\n");
	pr_debug("debug level\n");
	pr_info("counting:");
	for (int i = 1; i <= 3; i++)
		pr_cont(" %d", i);
	pr_cont("\n");
	printk(KERN_INFO "one line ");
	printk(KERN_CONT "from two printks\n");
	pr_info("my init is %pS, my exit %ps\n", hello_4_init, cleanup_module);
	return 0;
}

static void __exit hello_4_exit(void)
{
	pr_info("Goodbye, world 4\n");
}

module_init(hello_4_init);
module_exit(hello_4_exit);
