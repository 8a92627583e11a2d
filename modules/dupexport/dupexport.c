/*
 * Exports a symbol the kernel exports already (kstrtoll): the loader must
 * refuse it, as Linux does, rather than let one owner shadow the other.
 */
#include <linux/init.h>
#include <linux/module.h>

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	*res = 0;
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

static int __init dupexport_init(void)
{
	return 0;
}

static void __exit dupexport_exit(void)
{
}

module_init(dupexport_init);
module_exit(dupexport_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Exports a name the kernel exports: refused with -EEXIST");
