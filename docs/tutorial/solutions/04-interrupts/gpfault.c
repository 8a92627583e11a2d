/*
 * Exercise 4.1: touch a non-canonical address and read the oops.  The
 * access never reaches the page tables: the CPU refuses the address itself
 * with a general protection fault (#GP), so CR2 is not the address.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

/* Bits 63..47 are not all equal: no 4-level page table can map this. */
#define NON_CANONICAL 0xdead000000000000ul

static int __init gpfault_init(void)
{
	volatile unsigned long *p = (volatile unsigned long *)NON_CANONICAL;

	pr_info("gpfault: reading %#lx\n", NON_CANONICAL);
	return (int)*p;
}

module_init(gpfault_init);
MODULE_LICENSE("GPL");
