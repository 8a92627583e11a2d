/*
 * needs-more.c - a module that declares a kernel function by hand instead
 * of including its header: it compiles, but no kernel exports it, so the
 * build must stop at modpost with Linux's "undefined!" error.
 */
#include <linux/module.h>

extern int register_chrdev(unsigned int major, const char *name,
			   const void *fops);

static int __init needs_more_init(void)
{
	return register_chrdev(0, "needs_more", NULL) < 0 ? -EIO : 0;
}

module_init(needs_more_init);
MODULE_LICENSE("GPL");
