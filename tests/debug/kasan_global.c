/*
 * A read past the end of a global array on purpose: element 10 of an
 * array of 10 ints, in the redzone GCC puts after it.  The debug kernel's
 * KASAN reports it (global-out-of-bounds) and the module loads all the
 * same.
 */
#include <linux/module.h>
#include <linux/printk.h>

static int table[10] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

/* A parameter, so that the compiler cannot see the index is too large. */
static int index = 10;
module_param(index, int, 0444);

static int __init kasan_global_init(void)
{
	int value = READ_ONCE(table[index]);

	pr_info("kasan_global: read table[%d] of 10: %d\n", index, value);
	return 0;
}

static void __exit kasan_global_exit(void)
{
}

module_init(kasan_global_init);
module_exit(kasan_global_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reads past the end of a global array, for KASAN");
