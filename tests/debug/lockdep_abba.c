/*
 * Two mutexes taken in opposite orders by two threads, on purpose: abba_a
 * takes lock_a then lock_b, abba_b (once abba_a is done) lock_b then
 * lock_a.  Sequenced by completions they never meet, so nothing hangs
 * here -- but run at the same moment they would deadlock, and the debug
 * kernel's lockdep reports the circle ("possible circular locking
 * dependency detected") the first time abba_b closes it.
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

static int abba_a_fn(void *data)
{
	mutex_lock(&lock_a);
	mutex_lock(&lock_b);
	mutex_unlock(&lock_b);
	mutex_unlock(&lock_a);
	complete(&a_done);
	return 0;
}

static int abba_b_fn(void *data)
{
	wait_for_completion(&a_done);
	mutex_lock(&lock_b);
	mutex_lock(&lock_a); /* the other order: lockdep reports here */
	mutex_unlock(&lock_a);
	mutex_unlock(&lock_b);
	complete(&b_done);
	return 0;
}

static int __init lockdep_abba_init(void)
{
	struct task_struct *a, *b;

	/*
	 * The references are taken before each thread is woken: one that
	 * runs at once to its end is freed as it ends, unless held.
	 */
	a = kthread_create(abba_a_fn, NULL, "abba_a");
	if (IS_ERR(a))
		return PTR_ERR(a);
	get_task_struct(a);
	wake_up_process(a);
	b = kthread_create(abba_b_fn, NULL, "abba_b");
	if (IS_ERR(b)) {
		/* abba_a runs to its end on its own: it waits for nobody. */
		wait_for_completion(&a_done);
		kthread_stop(a);
		put_task_struct(a);
		return PTR_ERR(b);
	}
	get_task_struct(b);
	wake_up_process(b);
	/* Both bodies have run before either thread is asked to stop. */
	wait_for_completion(&b_done);
	kthread_stop(a);
	kthread_stop(b);
	put_task_struct(a);
	put_task_struct(b);
	pr_info("lockdep_abba: both threads took both locks, no deadlock this time\n");
	return 0;
}

static void __exit lockdep_abba_exit(void)
{
}

module_init(lockdep_abba_init);
module_exit(lockdep_abba_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("AB-BA lock order between two threads, for CONFIG_LOCKDEP");
