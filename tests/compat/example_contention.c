/*
 * example_contention.c - three kernel threads contending for a mutex
 * (each adds to a shared counter, sleeping with the lock held so that
 * the others must wait) and for a semaphore that lets two in at a time.
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>

#define WORKERS 3
#define ROUNDS 20

static DEFINE_MUTEX(counter_lock);
static struct semaphore pool;
static int counter;
static atomic_t holders, most_holders, saw_locked;
static atomic_t finished;
static DECLARE_COMPLETION(all_finished);
static struct task_struct *workers[WORKERS];

static void note_holders(void)
{
	int now = atomic_inc_return(&holders), most;

	do {
		most = atomic_read(&most_holders);
	} while (now > most &&
		 atomic_cmpxchg(&most_holders, most, now) != most);
}

static int worker_fn(void *data)
{
	int i;

	for (i = 0; i < ROUNDS; i++) {
		if (mutex_is_locked(&counter_lock))
			atomic_inc(&saw_locked);
		mutex_lock(&counter_lock);
		counter++;
		msleep(1); /* hold it while sleeping: the others queue */
		mutex_unlock(&counter_lock);

		down(&pool);
		note_holders();
		msleep(2);
		atomic_dec(&holders);
		up(&pool);
	}
	if (atomic_inc_return(&finished) == WORKERS)
		complete(&all_finished);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static void stop_workers(int n)
{
	while (n-- > 0)
		kthread_stop(workers[n]);
}

static int __init example_contention_init(void)
{
	int i;

	counter = 0;
	atomic_set(&holders, 0);
	atomic_set(&most_holders, 0);
	atomic_set(&saw_locked, 0);
	atomic_set(&finished, 0);
	reinit_completion(&all_finished);
	sema_init(&pool, 2);
	for (i = 0; i < WORKERS; i++) {
		workers[i] = kthread_run(worker_fn, NULL, "contender/%d", i);
		if (IS_ERR(workers[i])) {
			stop_workers(i);
			return PTR_ERR(workers[i]);
		}
	}
	if (!wait_for_completion_timeout(&all_finished, 10 * HZ)) {
		pr_err("example_contention: workers did not finish in 10 s\n");
		stop_workers(WORKERS);
		return -ETIMEDOUT;
	}
	pr_info("mutex: counter %d, expected %d\n", counter, WORKERS * ROUNDS);
	pr_info("mutex: a worker found it held: %s\n",
		atomic_read(&saw_locked) ? "yes" : "no");
	pr_info("semaphore: at most %d holders at once (limit 2)\n",
		atomic_read(&most_holders));
	return 0;
}

static void __exit example_contention_exit(void)
{
	stop_workers(WORKERS);
	pr_info("example_contention: workers stopped\n");
}

module_init(example_contention_init);
module_exit(example_contention_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Threads contending for a mutex and a semaphore");
