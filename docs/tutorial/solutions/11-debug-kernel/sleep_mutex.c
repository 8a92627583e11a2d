/*
 * Exercise 2 of chapter 11: tests/debug/atomic_sleep.c with its spinlock
 * made a mutex.  A mutex's holder may sleep -- a thread that wants it
 * sleeps too, rather than spinning -- so the 10 ms msleep() under it is
 * no bug, and the debug kernel reports nothing.
 */
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>

static DEFINE_MUTEX(sleep_mutex_lock);

static int __init sleep_mutex_init(void)
{
	mutex_lock(&sleep_mutex_lock);
	msleep(10);
	mutex_unlock(&sleep_mutex_lock);
	pr_info("sleep_mutex: slept 10 ms holding a mutex\n");
	return 0;
}

static void __exit sleep_mutex_exit(void)
{
}

module_init(sleep_mutex_init);
module_exit(sleep_mutex_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sleeps with a mutex held, which is allowed");
