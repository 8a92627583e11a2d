/*
 * A module with 10,000 relocations, for the load-time benchmark: a table
 * of pointers (R_X86_64_64 each), half to a kernel export, half to its own
 * data.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/printk.h>

static int bigreloc_data;

#define BIGRELOC_2 (void *)printk, (void *)&bigreloc_data
#define BIGRELOC_10 BIGRELOC_2, BIGRELOC_2, BIGRELOC_2, BIGRELOC_2, BIGRELOC_2
#define BIGRELOC_100                                                     \
	BIGRELOC_10, BIGRELOC_10, BIGRELOC_10, BIGRELOC_10, BIGRELOC_10, \
		BIGRELOC_10, BIGRELOC_10, BIGRELOC_10, BIGRELOC_10,      \
		BIGRELOC_10
#define BIGRELOC_1000                                                         \
	BIGRELOC_100, BIGRELOC_100, BIGRELOC_100, BIGRELOC_100, BIGRELOC_100, \
		BIGRELOC_100, BIGRELOC_100, BIGRELOC_100, BIGRELOC_100,       \
		BIGRELOC_100

static void *const bigreloc_table[] __used = {
	BIGRELOC_1000, BIGRELOC_1000, BIGRELOC_1000, BIGRELOC_1000,
	BIGRELOC_1000, BIGRELOC_1000, BIGRELOC_1000, BIGRELOC_1000,
	BIGRELOC_1000, BIGRELOC_1000,
};

static int __init bigreloc_init(void)
{
	/* Read the table so it is kept. */
	return bigreloc_table[1] == &bigreloc_data ? 0 : -EINVAL;
}

static void __exit bigreloc_exit(void)
{
}

module_init(bigreloc_init);
module_exit(bigreloc_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("10,000 relocations, for make bench");
