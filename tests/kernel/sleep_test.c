/*
 * In-kernel tests of sleeping for a time: msleep() lets other threads run
 * and lasts at least its time; schedule_timeout(), wait_event_timeout()
 * and wait_for_completion_timeout() return 0 at the timeout and the time
 * left otherwise; the interruptible sleeps and waits end on a signal.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <kernel/ktest.h>

#define LONG_WAIT (10 * HZ) /* never reached by a case that passes */

static uint64_t other_ran_at;

static int note_time(void *data)
{
	other_ran_at = ktime_get_ns();
	return 0;
}

static void msleep_lets_another_thread_run(struct ktest *t)
{
	struct task_struct *k = kthread_create(note_time, NULL, "t_msleep");
	uint64_t t0, t1;

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	get_task_struct(k);
	other_ran_at = 0;
	t0 = ktime_get_ns();
	wake_up_process(k);
	msleep(20);
	t1 = ktime_get_ns();
	KT_EXPECT(t, t1 - t0 >= 20 * NSEC_PER_MSEC);
	KT_EXPECT(t, other_ran_at > t0 && other_ran_at < t1);
	kthread_stop(k);
	put_task_struct(k);
}

static void sleeps_last_at_least_their_time(struct ktest *t)
{
	uint64_t t0 = ktime_get_ns();
	unsigned long j0 = jiffies;

	msleep(10);
	KT_EXPECT(t, ktime_get_ns() - t0 >= 10 * NSEC_PER_MSEC);
	KT_EXPECT(t, time_after_eq(jiffies, j0 + msecs_to_jiffies(10)));
	t0 = ktime_get_ns();
	usleep_range(1500, 2000);
	KT_EXPECT(t, ktime_get_ns() - t0 >= 1500 * NSEC_PER_USEC);
	t0 = ktime_get_ns();
	fsleep(300);
	KT_EXPECT(t, ktime_get_ns() - t0 >= 300 * NSEC_PER_USEC);
	KT_EXPECT_EQ(t, msleep_interruptible(5), 0);
}

/* A timer that wakes a task, sets a flag and completes, as a driver's. */
struct waker {
	struct timer_list timer;
	struct task_struct *task;
	struct wait_queue_head wq;
	struct completion done;
	bool cond;
};

static void waker_fn(struct timer_list *timer)
{
	struct waker *w = from_timer(w, timer, timer);

	w->cond = true;
	wake_up(&w->wq);
	complete(&w->done);
	if (w->task)
		wake_up_process(w->task);
}

static void waker_init(struct waker *w, struct task_struct *task)
{
	timer_setup(&w->timer, waker_fn, 0);
	w->task = task;
	init_waitqueue_head(&w->wq);
	init_completion(&w->done);
	w->cond = false;
}

static void schedule_timeout_returns_the_time_left(struct ktest *t)
{
	struct waker w;
	unsigned long j0 = jiffies;
	long left;

	KT_EXPECT_EQ(t, schedule_timeout_uninterruptible(2), 0);
	KT_EXPECT(t, time_after_eq(jiffies, j0 + 2));
	waker_init(&w, current);
	mod_timer(&w.timer, jiffies + 1);
	left = schedule_timeout_uninterruptible(LONG_WAIT);
	KT_EXPECT(t, left > 0 && left < LONG_WAIT);
	del_timer_sync(&w.timer);
}

static void wait_event_timeout_returns_0_or_the_time_left(struct ktest *t)
{
	struct waker w;
	unsigned long j0 = jiffies;
	long ret;

	waker_init(&w, NULL);
	KT_EXPECT_EQ(t, wait_event_timeout(w.wq, w.cond, 3), 0);
	KT_EXPECT(t, time_after_eq(jiffies, j0 + 3));
	mod_timer(&w.timer, jiffies + 1);
	ret = wait_event_timeout(w.wq, w.cond, LONG_WAIT);
	KT_EXPECT(t, ret > 0 && ret < LONG_WAIT);
	KT_EXPECT(t, w.cond);
	/* True already, at a timeout of 0: still a success, 1. */
	KT_EXPECT_EQ(t, wait_event_timeout(w.wq, w.cond, 0), 1);
	KT_EXPECT_EQ(t, wait_event_interruptible_timeout(w.wq, w.cond, 5), 5);
}

static void
wait_for_completion_timeout_returns_0_or_the_time_left(struct ktest *t)
{
	struct waker w;
	unsigned long ret;

	waker_init(&w, NULL);
	KT_EXPECT_EQ(t, wait_for_completion_timeout(&w.done, 2), 0);
	KT_EXPECT(t, !completion_done(&w.done));
	mod_timer(&w.timer, jiffies + 1);
	ret = wait_for_completion_timeout(&w.done, LONG_WAIT);
	KT_EXPECT(t, ret > 0 && ret < LONG_WAIT);
	/* The complete() was consumed; one given before is not lost. */
	KT_EXPECT(t, !try_wait_for_completion(&w.done));
	complete(&w.done);
	KT_EXPECT(t, completion_done(&w.done));
	KT_EXPECT_EQ(t, wait_for_completion_timeout(&w.done, 7), 7);
	complete(&w.done);
	reinit_completion(&w.done);
	KT_EXPECT(t, !try_wait_for_completion(&w.done));
}

/* ---- Ended by a signal ---- */

struct sig_case {
	long (*wait)(struct sig_case *c);
	struct wait_queue_head wq;
	struct completion never; /* no one completes it */
	long ret;
	struct completion returned;
};

static long wait_event_case(struct sig_case *c)
{
	return wait_event_interruptible_timeout(c->wq, false, LONG_WAIT);
}

static long completion_case(struct sig_case *c)
{
	return wait_for_completion_interruptible(&c->never);
}

static long completion_timeout_case(struct sig_case *c)
{
	return wait_for_completion_interruptible_timeout(&c->never, LONG_WAIT);
}

static long schedule_timeout_case(struct sig_case *c)
{
	return schedule_timeout_interruptible(LONG_WAIT);
}

static long msleep_case(struct sig_case *c)
{
	return (long)msleep_interruptible(LONG_WAIT * 1000 / HZ);
}

static int sig_case_thread(void *data)
{
	struct sig_case *c = data;

	allow_signal(SIGINT);
	c->ret = c->wait(c);
	complete(&c->returned);
	flush_signals(current);
	return ktest_sleep_until_stopped();
}

/* Start @wait in a thread, send it SIGINT once it sleeps; what it got. */
static long run_signalled(struct ktest *t, long (*wait)(struct sig_case *c))
{
	struct sig_case c = { .wait = wait, .ret = 0 };
	struct task_struct *k;

	init_waitqueue_head(&c.wq);
	init_completion(&c.never);
	init_completion(&c.returned);
	k = kthread_run(sig_case_thread, &c, "t_sigsleep");
	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return 0;
	yield();
	KT_EXPECT_EQ(t, k->state, TASK_INTERRUPTIBLE);
	KT_EXPECT(t, !completion_done(&c.returned));
	send_sig(SIGINT, k, 1);
	KT_EXPECT(t, wait_for_completion_timeout(&c.returned, HZ) > 0);
	kthread_stop(k);
	return c.ret;
}

static void interruptible_waits_end_on_a_signal(struct ktest *t)
{
	long left;

	KT_EXPECT_EQ(t, run_signalled(t, wait_event_case), -ERESTARTSYS);
	KT_EXPECT_EQ(t, run_signalled(t, completion_case), -ERESTARTSYS);
	KT_EXPECT_EQ(t, run_signalled(t, completion_timeout_case),
		     -ERESTARTSYS);
	left = run_signalled(t, schedule_timeout_case);
	KT_EXPECT(t, left > 0 && left <= LONG_WAIT);
}

static void msleep_interruptible_returns_early_on_a_signal(struct ktest *t)
{
	long left = run_signalled(t, msleep_case);

	/* Signalled at once: nearly all of it is left. */
	KT_EXPECT(t, left > LONG_WAIT * 1000 / HZ / 2);
	KT_EXPECT(t, left <= LONG_WAIT * 1000 / HZ);
}

KTEST_SUITE(sleep, KTEST_CASE(msleep_lets_another_thread_run),
	    KTEST_CASE(sleeps_last_at_least_their_time),
	    KTEST_CASE(schedule_timeout_returns_the_time_left),
	    KTEST_CASE(wait_event_timeout_returns_0_or_the_time_left),
	    KTEST_CASE(wait_for_completion_timeout_returns_0_or_the_time_left),
	    KTEST_CASE(interruptible_waits_end_on_a_signal),
	    KTEST_CASE(msleep_interruptible_returns_early_on_a_signal));
