/*
 * Init-only data: a table in __initconst and a buffer in __initdata, used by
 * the init function only.  The loader places them with the init text and
 * frees all three once init_module has returned 0.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static const int initdata_primes[] __initconst = { 2, 3, 5, 7, 11, 13 };
static char initdata_banner[32] __initdata = "primes";
static int initdata_sum; /* kept: read at exit */

static int __init initdata_init(void)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(initdata_primes); i++)
		initdata_sum += initdata_primes[i];
	initdata_banner[0] = 'P';
	pr_info("initdata: %s sum %d\n", initdata_banner, initdata_sum);
	return 0;
}

static void __exit initdata_exit(void)
{
	pr_info("initdata: exit, sum was %d\n", initdata_sum);
}

module_init(initdata_init);
module_exit(initdata_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("Sprout developers");
MODULE_DESCRIPTION("Uses __initdata and __initconst, freed after init");
