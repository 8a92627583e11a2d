/*
 * Exercise 7.1, the starting point: a module whose read function keeps
 * using a table that is __initconst and a helper that is __init.  Both are
 * freed once init_module has returned, but greetings_show() runs later, from
 * the exit function.  The build must refuse it.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static const char *const greetings[] __initconst = { "hello", "bonjour" };

static int __init greeting_count(void)
{
	return ARRAY_SIZE(greetings);
}

static void greetings_show(void)
{
	for (int i = 0; i < greeting_count(); i++)
		pr_info("mismatch: %s\n", greetings[i]);
}

static int __init mismatch_init(void)
{
	greetings_show();
	return 0;
}

static void __exit mismatch_exit(void)
{
	greetings_show();
}

module_init(mismatch_init);
module_exit(mismatch_exit);
MODULE_LICENSE("GPL");
