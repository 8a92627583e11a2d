/*
 * Writes to its own __initconst table during init.  The loader maps init
 * read-only data read-only, so the write faults: the oops names this
 * module.  Without that protection the write would go through silently.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static const int initro_table[4] __initconst = { 1, 2, 3, 4 };

static int __init initro_init(void)
{
	/* The cast hides the const from the compiler, not from the MMU. */
	*(volatile int *)&initro_table[1] = 20;
	pr_err("initro: wrote %d into init read-only data\n", initro_table[1]);
	return 0;
}

static void __exit initro_exit(void)
{
}

module_init(initro_init);
module_exit(initro_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes to __initconst during init: must fault");
