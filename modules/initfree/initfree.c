/*
 * A deliberate bug for the boot tests: cleanup_module calls an __init
 * function, which was freed when init_module returned.  Removing this
 * module must oops with a message about freed module init memory and a
 * backtrace naming initfree_exit [initfree].
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init initfree_setup(void)
{
	pr_info("initfree: init code runs\n");
	return 0;
}

static int __init initfree_init(void)
{
	return initfree_setup();
}

/* Called through a pointer the compiler cannot see is init code. */
static int (*volatile initfree_stale)(void) = initfree_setup;

static void __exit initfree_exit(void)
{
	pr_info("initfree: calling freed init code\n");
	initfree_stale();
}

module_init(initfree_init);
module_exit(initfree_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Calls freed init code on removal (a crash test)");
