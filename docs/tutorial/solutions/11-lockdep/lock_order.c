/*
 * Exercise 6 of chapter 11: tests/debug/lockdep_abba.c with one order.
 * Both threads take lock_a, then lock_b, so the graph has the one edge
 * lock_a -> lock_b and no path back: whatever the timing, the thread
 * that gets lock_a first gets lock_b too, and the debug kernel's lockdep
 * has nothing to report.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/sched.h>

static DEFINE_MUTEX(lock_a);
static DEFINE_MUTEX(lock_b);
static DECLARE_COMPLETION(a_done);
static DECLARE_COMPLETION(b_done);

/* The one order of the two locks, for both threads. */
static void take_both(void)
{
	mutex_lock(&lock_a);
	mutex_lock(&lock_b);
	mutex_unlock(&lock_b);
	mutex_unlock(&lock_a);
}

static int order_a_fn(void *data)
{
	take_both();
	complete(&a_done);
	return 0;
}

static int order_b_fn(void *data)
{
	wait_for_completion(&a_done);
	take_both();
	complete(&b_done);
	return 0;
}

static int __init lock_order_init(void)
{
	struct task_struct *a, *b;

	/* Held before each is woken, as lockdep_abba's: see there. */
	a = kthread_create(order_a_fn, NULL, "order_a");
	if (IS_ERR(a))
		return PTR_ERR(a);
	get_task_struct(a);
	wake_up_process(a);
	b = kthread_create(order_b_fn, NULL, "order_b");
	if (IS_ERR(b)) {
		wait_for_completion(&a_done);
		kthread_stop(a);
		put_task_struct(a);
		return PTR_ERR(b);
	}
	get_task_struct(b);
	wake_up_process(b);
	wait_for_completion(&b_done);
	kthread_stop(a);
	kthread_stop(b);
	put_task_struct(a);
	put_task_struct(b);
	pr_info("lock_order: both threads took lock_a, then lock_b\n");
	return 0;
}

static void __exit lock_order_exit(void)
{
}

module_init(lock_order_init);
module_exit(lock_order_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("lockdep_abba with one lock order: no report");
