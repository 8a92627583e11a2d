/*
 * Exercise 4.2: divide by zero in kernel code.  The divisor is volatile so
 * that the compiler cannot see it is 0 and must emit the div instruction
 * (dividing by a constant 0 is undefined behaviour it may drop or replace).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static volatile int divisor;

static int __init divzero_init(void)
{
	pr_info("divzero: dividing 42 by %d\n", divisor);
	return 42 / divisor;
}

module_init(divzero_init);
MODULE_LICENSE("GPL");
