/*
 * Kernel threads from a module, through Linux's API only: two threads take
 * turns through completions while init waits for both to end, and a third
 * sleeps in wait_event() until module_exit() stops it.  Init fails with
 * -EIO if the turns came out of order.
 */
#include <linux/completion.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/wait.h>

#define ROUNDS 10

static DECLARE_COMPLETION(to_ping);
static DECLARE_COMPLETION(to_pong);
static DECLARE_COMPLETION(both_done);
static DECLARE_WAIT_QUEUE_HEAD(idle_wq);
static char turns[2 * ROUNDS + 1];
static int nturns;
static struct task_struct *sleeper;

static int ping_fn(void *data)
{
	for (int i = 0; i < ROUNDS; i++) {
		turns[nturns++] = 'a';
		complete(&to_pong);
		wait_for_completion(&to_ping);
	}
	complete(&both_done);
	return 0;
}

static int pong_fn(void *data)
{
	for (int i = 0; i < ROUNDS; i++) {
		wait_for_completion(&to_pong);
		turns[nturns++] = 'b';
		complete(&to_ping);
		cond_resched();
	}
	complete(&both_done);
	return 0;
}

static int sleeper_fn(void *data)
{
	wait_event(idle_wq, kthread_should_stop());
	return 7;
}

/*
 * A thread that ends by itself may be gone before kthread_stop(): hold a
 * reference from the start, so that kthread_stop(), once the thread has
 * done its work, can wait for its end (until it has left this module's
 * code: after complete() it still runs here) and collect the result.
 */
static struct task_struct *start_held(int (*fn)(void *), const char *name)
{
	struct task_struct *k = kthread_create(fn, NULL, "%s", name);

	if (IS_ERR(k))
		return k;
	get_task_struct(k);
	wake_up_process(k);
	return k;
}

static void stop_held(struct task_struct *k)
{
	kthread_stop(k);
	put_task_struct(k);
}

static int __init kthreads_init(void)
{
	struct task_struct *ping, *pong;

	ping = start_held(ping_fn, "kthreads/ping");
	if (IS_ERR(ping))
		return PTR_ERR(ping);
	pong = start_held(pong_fn, "kthreads/pong");
	if (IS_ERR(pong)) {
		/* ping waits for a turn that never comes: give it its turns. */
		for (int i = 0; i < ROUNDS; i++)
			complete(&to_ping);
		wait_for_completion(&both_done);
		stop_held(ping);
		return PTR_ERR(pong);
	}
	wait_for_completion(&both_done);
	wait_for_completion(&both_done);
	stop_held(ping);
	stop_held(pong);
	for (int i = 0; i < 2 * ROUNDS; i++)
		if (turns[i] != "ab"[i % 2]) {
			pr_err("kthreads: turns out of order: %s\n", turns);
			return -EIO;
		}
	sleeper = kthread_run(sleeper_fn, NULL, "kthreads/sleeper");
	if (IS_ERR(sleeper))
		return PTR_ERR(sleeper);
	pr_info("kthreads: %d turns in order, %s[%d] asleep\n", nturns,
		sleeper->comm, sleeper->pid);
	return 0;
}

static void __exit kthreads_exit(void)
{
	/* kthread_stop() wakes the thread; wait_event() sees the stop. */
	pr_info("kthreads: sleeper stopped, returned %d\n",
		kthread_stop(sleeper));
}

module_init(kthreads_init);
module_exit(kthreads_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernel threads, completions and a wait queue");
