/*
 * example_sleep.c - waiting: msleep() (the CPU rests), mdelay() and
 * udelay() (it spins), measured with ktime_get() and jiffies.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/module.h>

static int __init example_sleep_init(void)
{
	unsigned long j0 = jiffies;
	ktime_t t0 = ktime_get();
	s64 slept_ms, spun_us;

	msleep(100);
	slept_ms = ktime_ms_delta(ktime_get(), t0);
	pr_info("msleep(100) took %s 100 ms, %s 10 jiffies (HZ=%d)\n",
		slept_ms >= 100 ? "at least" : "LESS THAN",
		time_after_eq(jiffies, j0 + msecs_to_jiffies(100)) ?
			"at least" :
			"LESS THAN",
		HZ);
	t0 = ktime_get();
	mdelay(2);
	udelay(500);
	spun_us = ktime_us_delta(ktime_get(), t0);
	pr_info("mdelay(2) + udelay(500) took %s 2500 us\n",
		spun_us >= 2500 ? "at least" : "LESS THAN");
	return 0;
}

static void __exit example_sleep_exit(void)
{
	pr_info("example_sleep exit\n");
}

module_init(example_sleep_init);
module_exit(example_sleep_exit);

MODULE_LICENSE("GPL");
