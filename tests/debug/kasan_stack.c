/*
 * A write one byte past a local array on purpose: the byte is in the red
 * zone the compiler put after the array in the function's frame.  The
 * debug kernel's KASAN reports it (stack-out-of-bounds), names the frame
 * and the array, and the module loads all the same.
 */
#include <linux/module.h>
#include <linux/printk.h>

/* A parameter, so that the compiler cannot see the index is too large. */
static int index = 8;
module_param(index, int, 0444);

static int __init kasan_stack_init(void)
{
	char buf[8] = "local";
	char *p = buf; /* through a pointer: UBSAN checks array indexes */

	p[index] = 'x';
	pr_info("kasan_stack: wrote buf[%d] of an 8-byte local array (%s)\n",
		index, buf);
	return 0;
}

static void __exit kasan_stack_exit(void)
{
}

module_init(kasan_stack_init);
module_exit(kasan_stack_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Writes one byte past a local array, for KASAN");
