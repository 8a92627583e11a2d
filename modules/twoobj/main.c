/*
 * A module linked from two objects (ld -r): this one has the init and exit
 * functions, helper.c the code they call.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include "twoobj.h"

static int __init twoobj_init(void)
{
	pr_info("twoobj: 6 * 7 = %d\n", twoobj_multiply(6, 7));
	return 0;
}

static void __exit twoobj_exit(void)
{
	pr_info("twoobj: %d multiplications\n", twoobj_count);
}

module_init(twoobj_init);
module_exit(twoobj_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Built from two object files");
