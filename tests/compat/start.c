/*
 * start.c - the first half of a module split over two source files
 * (startstop-objs := start.o stop.o in the Makefile).
 */
#include <linux/kernel.h>
#include <linux/module.h>

int init_module(void)
{
	pr_info("Hello, world - this is the kernel speaking\n");
	return 0;
}

MODULE_LICENSE("GPL");
