/*
 * A signed overflow on purpose: INT_MAX + 1 does not fit in an int, which
 * C leaves undefined.  The debug kernel's UBSAN reports it
 * (signed-integer-overflow), once for its one place although it happens
 * twice, and the module loads all the same.
 */
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/module.h>
#include <linux/printk.h>

/* A parameter, so that the compiler cannot fold the sum away. */
static int base = INT_MAX;
module_param(base, int, 0444);

/* One place in the code, whatever the number of calls. */
static noinline int add_one(int value)
{
	return value + 1;
}

static int __init ubsan_overflow_init(void)
{
	pr_info("ubsan_overflow: %d + 1 = %d\n", base, add_one(base));
	pr_info("ubsan_overflow: and again, %d\n", add_one(base));
	return 0;
}

static void __exit ubsan_overflow_exit(void)
{
}

module_init(ubsan_overflow_init);
module_exit(ubsan_overflow_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Overflows a signed int twice, for UBSAN");
