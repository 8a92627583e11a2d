/*
 * A module that defines init_module and cleanup_module itself, without
 * module_init()/module_exit(), as old Linux modules did.  It loads the same.
 */
#include <linux/module.h>
#include <linux/printk.h>

int init_module(void);
void cleanup_module(void);

int init_module(void)
{
	pr_info("rawinit: init_module called directly\n");
	return 0;
}

void cleanup_module(void)
{
	pr_info("rawinit: cleanup_module called directly\n");
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Defines init_module/cleanup_module without the macros");
