/*
 * Chapter 12, exercise 1: two threads that never sleep, one at nice 0 and
 * one at nice 5, count loops for 2 s.  The fair scheduler shares the CPU
 * by weight (1024 : 335), so the first should count about 3 times more.
 */
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>

static unsigned long loops[2];

static int spin_fn(void *data)
{
	unsigned long *count = data;

	/* Never sleeps: only the tick takes the CPU from it. */
	while (!kthread_should_stop())
		(*count)++;
	return 0;
}

static int __init nice_ratio_init(void)
{
	struct task_struct *t0, *t5;
	unsigned long n0, n5, ratio;

	t0 = kthread_create(spin_fn, &loops[0], "nice0");
	if (IS_ERR(t0))
		return PTR_ERR(t0);
	t5 = kthread_create(spin_fn, &loops[1], "nice5");
	if (IS_ERR(t5)) {
		kthread_stop(t0);
		return PTR_ERR(t5);
	}
	set_user_nice(t5, 5);
	wake_up_process(t0);
	wake_up_process(t5);
	msleep(2000);
	/* Read while we run: on one CPU neither thread can count now. */
	n0 = loops[0];
	n5 = loops[1];
	kthread_stop(t0);
	kthread_stop(t5);
	if (!n5) {
		pr_err("nice_ratio: the nice 5 thread never ran\n");
		return -EAGAIN;
	}
	ratio = n0 * 100 / n5;
	pr_info("nice_ratio: nice 0 looped %lu times, nice 5 %lu: ratio %lu.%02lu (weights 1024:335 = 3.06)\n",
		n0, n5, ratio / 100, ratio % 100);
	return 0;
}

static void __exit nice_ratio_exit(void)
{
}

module_init(nice_ratio_init);
module_exit(nice_ratio_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("CPU time shared by nice level");
