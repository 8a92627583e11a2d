/*
 * Exercise 7.1, solved: the table and its helper are used after init (by
 * the exit function), so they must stay: plain const data and an ordinary
 * function.  Only what runs once -- greetings_init() -- keeps __init.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static const char *const greetings[] = { "hello", "bonjour" };

static int greeting_count(void)
{
	return ARRAY_SIZE(greetings);
}

static void greetings_show(void)
{
	for (int i = 0; i < greeting_count(); i++)
		pr_info("greetings: %s\n", greetings[i]);
}

static int __init greetings_init(void)
{
	greetings_show();
	return 0;
}

static void __exit greetings_exit(void)
{
	greetings_show();
}

module_init(greetings_init);
module_exit(greetings_exit);
MODULE_LICENSE("GPL");
