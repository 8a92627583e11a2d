/*
 * A module with a constructor (__attribute__((constructor)), in
 * .init_array): the loader runs it before init_module, as Linux does with
 * CONFIG_CONSTRUCTORS, and init_module fails if it has not run.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int constructed;

/* It prints: a compiler could fold a constructor that only stores. */
static void __attribute__((constructor)) ctor_set(void)
{
	constructed++;
	pr_info("ctor: constructor runs\n");
}

static int __init ctor_init(void)
{
	if (constructed != 1) {
		pr_err("ctor: constructor ran %d times before init_module\n",
		       constructed);
		return -EINVAL;
	}
	pr_info("ctor: constructor ran before init_module\n");
	return 0;
}

static void __exit ctor_exit(void)
{
}

module_init(ctor_init);
module_exit(ctor_exit);
MODULE_LICENSE("GPL");
