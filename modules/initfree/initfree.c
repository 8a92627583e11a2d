/*
 * A deliberate bug for the boot tests: cleanup_module reads the code of an
 * __init function, which was freed when init_module returned.  Removing
 * this module must oops with a message about freed module init memory and
 * name the faulting code "initfree_exit+0x../0x.. [initfree]".
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

/*
 * Set while init runs, so no data refers to init code at build time (the
 * section-mismatch check would refuse that), and volatile so the compiler
 * cannot see where it points.
 */
static const volatile unsigned char *volatile initfree_stale;

static int __init initfree_init(void)
{
	initfree_stale = (const volatile unsigned char *)initfree_init;
	pr_info("initfree: init code runs\n");
	return 0;
}

static void __exit initfree_exit(void)
{
	pr_info("initfree: reading freed init code\n");
	pr_info("initfree: first byte %#x (not reached)\n", *initfree_stale);
}

module_init(initfree_init);
module_exit(initfree_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Touches freed init code on removal (a crash test)");
