/*
 * Chapter 13, exercise 3: three work items that each sleep 100 ms, on
 * system_wq and then on an ordered queue of the module's own.  On
 * system_wq a sleeping item lets another worker take the next one, so
 * the three sleep at the same time; the ordered queue runs one at a
 * time.  Init prints how long each batch took and which workers ran it.
 */
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#define SLEEPERS 3
#define SLEEP_MS 100

struct sleeper {
	struct work_struct work;
	char comm[TASK_COMM_LEN];
};

static struct sleeper sleepers[SLEEPERS];
static struct workqueue_struct *sleepers_wq;

static void sleeper_fn(struct work_struct *work)
{
	struct sleeper *s = container_of(work, struct sleeper, work);

	strscpy(s->comm, current->comm, sizeof(s->comm));
	msleep(SLEEP_MS);
}

/* Queue the three on @wq, wait for them; the time it took, in ms. */
static unsigned int sleepers_run(struct workqueue_struct *wq)
{
	u64 start = ktime_get_ns();

	for (int i = 0; i < SLEEPERS; i++)
		queue_work(wq, &sleepers[i].work);
	for (int i = 0; i < SLEEPERS; i++)
		flush_work(&sleepers[i].work);
	return (ktime_get_ns() - start) / NSEC_PER_MSEC;
}

static void sleepers_report(const char *queue, unsigned int ms)
{
	pr_info("sleepers: %s: %d items of %d ms in %u ms, run by %s %s %s\n",
		queue, SLEEPERS, SLEEP_MS, ms, sleepers[0].comm,
		sleepers[1].comm, sleepers[2].comm);
}

static int __init sleepers_init(void)
{
	sleepers_wq = alloc_ordered_workqueue("sleepers", 0);
	if (!sleepers_wq)
		return -ENOMEM;
	for (int i = 0; i < SLEEPERS; i++)
		INIT_WORK(&sleepers[i].work, sleeper_fn);
	sleepers_report("system_wq", sleepers_run(system_wq));
	sleepers_report("ordered", sleepers_run(sleepers_wq));
	return 0;
}

static void __exit sleepers_exit(void)
{
	/* Flushed in init already; destroying drains it anyway. */
	destroy_workqueue(sleepers_wq);
}

module_init(sleepers_init);
module_exit(sleepers_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("sleeping work items on system_wq and on an ordered queue");
