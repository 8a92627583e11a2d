/*
 * mismatch.c - an exit function that reads __initdata, which is freed
 * once init has run: a section mismatch, refused at build time.
 */
#include <linux/module.h>

static int setting __initdata = 1;

static int __init mismatch_init(void)
{
	return 0;
}

static void __exit mismatch_exit(void)
{
	pr_info("setting was %d\n", setting);
}

module_init(mismatch_init);
module_exit(mismatch_exit);
MODULE_LICENSE("GPL");
