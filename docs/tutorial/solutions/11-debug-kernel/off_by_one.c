/*
 * Exercise 3 of chapter 11: a loop that runs one step too far, reading
 * table[4] of an int table[4].  The debug kernel's UBSAN reports the read
 * (array-index-out-of-bounds) at its line; the normal kernel adds in
 * whatever lies after the table.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>

/* Not const: the compiler must read it, not fold the sum. */
static int table[4] = { 1, 2, 3, 4 };

static int __init off_by_one_init(void)
{
	int sum = 0;

	for (int i = 0; i <= ARRAY_SIZE(table); i++)
		sum += table[i]; /* the bad read */
	pr_info("off_by_one: sum %d\n", sum);
	return 0;
}

static void __exit off_by_one_exit(void)
{
}

module_init(off_by_one_init);
module_exit(off_by_one_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reads one element past the end of an array, for UBSAN");
