/*
 * An oversized shift on purpose: an int shifted by 40 places, more than
 * its 32 bits, which C leaves undefined.  The debug kernel's UBSAN
 * reports it (shift-out-of-bounds) and the module loads all the same.
 */
#include <linux/module.h>
#include <linux/printk.h>

/* A parameter, so that the compiler cannot fold the shift away. */
static int places = 40;
module_param(places, int, 0444);

static int __init ubsan_shift_init(void)
{
	int value = 1 << places;

	pr_info("ubsan_shift: 1 << %d = %d\n", places, value);
	return 0;
}

static void __exit ubsan_shift_exit(void)
{
}

module_init(ubsan_shift_init);
module_exit(ubsan_shift_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Shifts an int by more than its width, for UBSAN");
