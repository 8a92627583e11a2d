/*
 * bench_sched: what the thread primitives cost, measured when the module is
 * loaded and printed one figure a line ("bench_sched: switch_ns 1234").  It
 * uses Linux's API alone, so the same file builds for Sprout and for Linux
 * and make bench can set the two kernels' figures side by side.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#define SWITCH_ROUNDS 10000 /* round trips between two threads */
#define WAKE_ROUNDS 1000
#define SLEEP_ROUNDS 5 /* msleep(10) calls */
#define TIMER_ROUNDS 5
#define TIMER_JIFFIES 2	   /* how far ahead each timer is set */
#define LOCK_ROUNDS 100000 /* lock+unlock pairs */

/* Two threads, a and b, hand the CPU to each other through these. */
static DECLARE_COMPLETION(to_a);
static DECLARE_COMPLETION(to_b);
static DECLARE_COMPLETION(pair_done);

static u64 switch_total_ns; /* SWITCH_ROUNDS round trips, in a */
static u64 wake_stamp_ns;   /* when a last called complete(&to_b) */
static u64 wake_total_ns;   /* summed by b each time it wakes */

/*
 * The end of every benchmark thread: sleep until kthread_stop(), so that
 * the thread is still there when it is stopped (one that had returned by
 * itself would have had to be pinned with get_task_struct()).
 */
static int bench_wait_for_stop(void)
{
	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int switch_a(void *unused)
{
	u64 start = ktime_get_ns();
	int i;

	for (i = 0; i < SWITCH_ROUNDS; i++) {
		complete(&to_b);
		wait_for_completion(&to_a);
	}
	switch_total_ns = ktime_get_ns() - start;
	complete(&pair_done);
	return bench_wait_for_stop();
}

static int switch_b(void *unused)
{
	int i;

	for (i = 0; i < SWITCH_ROUNDS; i++) {
		wait_for_completion(&to_b);
		complete(&to_a);
	}
	return bench_wait_for_stop();
}

static int wake_a(void *unused)
{
	int i;

	for (i = 0; i < WAKE_ROUNDS; i++) {
		wake_stamp_ns = ktime_get_ns();
		complete(&to_b);
		wait_for_completion(&to_a);
	}
	complete(&pair_done);
	return bench_wait_for_stop();
}

static int wake_b(void *unused)
{
	int i;

	for (i = 0; i < WAKE_ROUNDS; i++) {
		wait_for_completion(&to_b);
		wake_total_ns += ktime_get_ns() - wake_stamp_ns;
		complete(&to_a);
	}
	return bench_wait_for_stop();
}

/*
 * Run thread functions @a and @b until @a completes pair_done, then stop
 * both.  Both are created before either runs, so neither waits for a
 * partner that failed to start.
 */
static int bench_pair(int (*a)(void *), int (*b)(void *), const char *name)
{
	struct task_struct *ta, *tb;

	init_completion(&to_a);
	init_completion(&to_b);
	init_completion(&pair_done);
	ta = kthread_create(a, NULL, "bench_%s/a", name);
	if (IS_ERR(ta))
		return PTR_ERR(ta);
	tb = kthread_create(b, NULL, "bench_%s/b", name);
	if (IS_ERR(tb)) {
		kthread_stop(ta);
		return PTR_ERR(tb);
	}
	wake_up_process(ta);
	wake_up_process(tb);
	wait_for_completion(&pair_done);
	kthread_stop(ta);
	kthread_stop(tb);
	return 0;
}

/* The real length of msleep(10), in ns: an average of SLEEP_ROUNDS. */
static u64 bench_msleep10_ns(void)
{
	u64 total = 0, start;
	int i;

	for (i = 0; i < SLEEP_ROUNDS; i++) {
		start = ktime_get_ns();
		msleep(10);
		total += ktime_get_ns() - start;
	}
	return total / SLEEP_ROUNDS;
}

static struct timer_list bench_timer;
static DECLARE_COMPLETION(timer_fired);
static u64 timer_fired_ns;

static void bench_timer_fn(struct timer_list *t)
{
	timer_fired_ns = ktime_get_ns();
	complete(&timer_fired);
}

/*
 * How late a timer_list callback runs after its expiry, in ns, on average.
 * Jiffies say when a timer is due but not when a jiffy began, so each round
 * first waits for jiffies to change: that moment, plus TIMER_JIFFIES
 * jiffies, is when the timer is due.
 */
static s64 bench_timer_late_ns(void)
{
	s64 total = 0;
	u64 due;
	unsigned long j;
	int i;

	timer_setup(&bench_timer, bench_timer_fn, 0);
	for (i = 0; i < TIMER_ROUNDS; i++) {
		j = READ_ONCE(jiffies);
		while (READ_ONCE(jiffies) == j)
			cpu_relax();
		due = ktime_get_ns() +
		      (u64)jiffies_to_usecs(TIMER_JIFFIES) * NSEC_PER_USEC;
		init_completion(&timer_fired);
		mod_timer(&bench_timer, j + 1 + TIMER_JIFFIES);
		wait_for_completion(&timer_fired);
		total += (s64)(timer_fired_ns - due);
	}
	del_timer_sync(&bench_timer);
	return total / TIMER_ROUNDS;
}

static DEFINE_MUTEX(bench_mutex);
static DEFINE_SPINLOCK(bench_spinlock);

/* One uncontended mutex_lock()+mutex_unlock() pair, in ns. */
static u64 bench_mutex_ns(void)
{
	u64 start = ktime_get_ns();
	int i;

	for (i = 0; i < LOCK_ROUNDS; i++) {
		mutex_lock(&bench_mutex);
		mutex_unlock(&bench_mutex);
	}
	return (ktime_get_ns() - start) / LOCK_ROUNDS;
}

/* One uncontended spin_lock()+spin_unlock() pair, in ns. */
static u64 bench_spinlock_ns(void)
{
	u64 start = ktime_get_ns();
	int i;

	for (i = 0; i < LOCK_ROUNDS; i++) {
		spin_lock(&bench_spinlock);
		spin_unlock(&bench_spinlock);
	}
	return (ktime_get_ns() - start) / LOCK_ROUNDS;
}

static int __init bench_sched_init(void)
{
	int err;

	err = bench_pair(switch_a, switch_b, "switch");
	if (err)
		return err;
	pr_info("switch_ns %llu\n",
		(unsigned long long)(switch_total_ns / (2 * SWITCH_ROUNDS)));
	err = bench_pair(wake_a, wake_b, "wake");
	if (err)
		return err;
	pr_info("wake_ns %llu\n",
		(unsigned long long)(wake_total_ns / WAKE_ROUNDS));
	pr_info("msleep10_us %llu\n",
		(unsigned long long)(bench_msleep10_ns() / NSEC_PER_USEC));
	pr_info("timer_late_us %lld\n",
		(long long)(bench_timer_late_ns() / (s64)NSEC_PER_USEC));
	pr_info("mutex_ns %llu\n", (unsigned long long)bench_mutex_ns());
	pr_info("spinlock_ns %llu\n", (unsigned long long)bench_spinlock_ns());
	pr_info("done\n");
	return 0;
}

static void __exit bench_sched_exit(void)
{
}

module_init(bench_sched_init);
module_exit(bench_sched_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Thread switch, wake-up, sleep, timer and lock costs");
