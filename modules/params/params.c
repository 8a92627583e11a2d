/*
 * One parameter of every type, an array and a renamed one.  Loaded with
 * arguments ("flag=1 count=-3 name=\"two words\" list=1,2,3"), it prints
 * what it received.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static bool flag;
static bool noflag; /* invbool: "noflag=1" stores false */
static short small = -1;
static unsigned short usmall = 1;
static int count = 10;
static unsigned int ucount = 20;
static long big = -30;
static unsigned long ubig = 40;
static char *name = "default";
static int list[4];
static unsigned int list_len;
static int internal_level = 3;

module_param(flag, bool, 0644);
MODULE_PARM_DESC(flag, "A yes/no switch");
module_param(noflag, invbool, 0644);
MODULE_PARM_DESC(noflag, "Inverted switch");
module_param(small, short, 0644);
MODULE_PARM_DESC(small, "A short");
module_param(usmall, ushort, 0644);
MODULE_PARM_DESC(usmall, "An unsigned short");
module_param(count, int, 0644);
MODULE_PARM_DESC(count, "An int");
module_param(ucount, uint, 0644);
MODULE_PARM_DESC(ucount, "An unsigned int");
module_param(big, long, 0644);
MODULE_PARM_DESC(big, "A long");
module_param(ubig, ulong, 0644);
MODULE_PARM_DESC(ubig, "An unsigned long");
module_param(name, charp, 0644);
MODULE_PARM_DESC(name, "A string");
module_param_array(list, int, &list_len, 0644);
MODULE_PARM_DESC(list, "Up to four ints, comma-separated");
module_param_named(level, internal_level, int, 0444);
MODULE_PARM_DESC(level, "Set under another name than its variable");

static int __init params_init(void)
{
	pr_info("params: flag=%d noflag=%d small=%d usmall=%u count=%d ucount=%u\n",
		flag, noflag, small, usmall, count, ucount);
	pr_info("params: big=%ld ubig=%lu name=%s level=%d\n", big, ubig, name,
		internal_level);
	pr_info("params: list has %u: %d,%d,%d,%d\n", list_len, list[0],
		list[1], list[2], list[3]);
	return 0;
}

static void __exit params_exit(void)
{
	pr_info("params: unloading\n");
}

module_init(params_init);
module_exit(params_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Parameters of every type");
