/*
 * Exercise 7.2: a pointer to __init code, saved while init runs and called
 * after.  The section-mismatch checker cannot see it -- the only reference
 * to initlater_hello() is in init code, which may refer to init code --
 * but the loader has freed the module's init region by the time the exit
 * function runs, so the call faults, and the oops says why.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static void (*later)(void);

static void __init initlater_hello(void)
{
	pr_info("initlater: hello from init code\n");
}

static int __init initlater_init(void)
{
	initlater_hello();
	later = initlater_hello;
	return 0;
}

static void __exit initlater_exit(void)
{
	pr_info("initlater: calling %px, freed with the init region\n", later);
	later();
}

module_init(initlater_init);
module_exit(initlater_exit);
MODULE_LICENSE("GPL");
