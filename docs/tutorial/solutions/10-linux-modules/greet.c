/*
 * Chapter 10's exercise: a module with two parameters, written as for
 * Linux.  "insmod greet who=reader times=2" prints the greeting twice;
 * module_param() also records each parameter's type in .modinfo (parmtype=),
 * which modinfo shows beside the MODULE_PARM_DESC text.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static char *who = "world";
module_param(who, charp, 0444);
MODULE_PARM_DESC(who, "Whom to greet");

static int times = 1;
module_param(times, int, 0444);
MODULE_PARM_DESC(times, "How many times to greet");

static int __init greet_init(void)
{
	if (times < 1 || times > 10) {
		pr_err("greet: times=%d: must be 1 to 10\n", times);
		return -EINVAL;
	}
	for (int i = 1; i <= times; i++)
		pr_info("greet: hello, %s (%d of %d)\n", who, i, times);
	return 0;
}

static void __exit greet_exit(void)
{
	pr_info("greet: goodbye, %s\n", who);
}

module_init(greet_init);
module_exit(greet_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Greets someone, some number of times");
