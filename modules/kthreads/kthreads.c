/*
 * Kernel threads from a module, through Linux's API only: two threads take
 * turns through completions while init waits for both, and a third sleeps
 * in wait_event() until module_exit() stops it.  Init fails with -EIO if
 * the turns came out of order.
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

static int __init kthreads_init(void)
{
	struct task_struct *ping, *pong;

	ping = kthread_run(ping_fn, NULL, "kthreads/ping");
	if (IS_ERR(ping))
		return PTR_ERR(ping);
	pong = kthread_run(pong_fn, NULL, "kthreads/pong");
	if (IS_ERR(pong)) {
		/* ping waits for a turn that never comes: give it its turns. */
		for (int i = 0; i < ROUNDS; i++)
			complete(&to_ping);
		wait_for_completion(&both_done);
		return PTR_ERR(pong);
	}
	wait_for_completion(&both_done);
	wait_for_completion(&both_done);
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
