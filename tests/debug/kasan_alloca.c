/*
 * A write one byte past a variable-length array on purpose: the compiler
 * puts red zones around it when it is made (__asan_alloca_poison()).  The
 * debug kernel's KASAN reports it (alloca-out-of-bounds) and the module
 * loads all the same.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/string.h>

/* Parameters, so that the compiler cannot see the index is too large. */
static int len = 10;
module_param(len, int, 0444);
static int index = 10;
module_param(index, int, 0444);

static int __init kasan_alloca_init(void)
{
	char buf[len];
	char *p = buf; /* through a pointer: UBSAN checks array indexes */

	memset(buf, 'a', len);
	p[index] = 'x';
	pr_info("kasan_alloca: wrote buf[%d] of a %d-byte variable-length array\n",
		index, len);
	return 0;
}

static void __exit kasan_alloca_exit(void)
{
}

module_init(kasan_alloca_init);
module_exit(kasan_alloca_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes one byte past a variable-length array, for KASAN");
