/*
 * In-kernel tests of signals as kernel code sees them: a thread that
 * allowed SIGINT leaves wait_event_interruptible() with -ERESTARTSYS when
 * it is sent, a thread that did not allow it sleeps on, and a signal
 * never wakes an uninterruptible sleeper, and a killable wait ends for
 * SIGKILL alone.
 */
#include <linux/compiler.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <kernel/ktest.h>

static DECLARE_WAIT_QUEUE_HEAD(never_wq);
static bool never; /* the condition the waiters wait for; stays false */

struct waiter {
	bool allow;
	int ret;       /* what wait_event_interruptible() returned */
	bool pending;  /* signal_pending(current) right after */
	bool returned; /* set once the wait returned */
};

static int interruptible_waiter(void *data)
{
	struct waiter *w = data;

	if (w->allow)
		allow_signal(SIGINT);
	w->ret = wait_event_interruptible(never_wq,
					  never || kthread_should_stop());
	w->pending = signal_pending(current);
	w->returned = true;
	flush_signals(current);
	return ktest_sleep_until_stopped();
}

/*
 * Let @k run until it sleeps interruptibly (its wait), in 1 ms sleeps of
 * the suite's thread, 100 at most: one yield() need not reach it when
 * other threads are ready too.
 */
static void until_asleep(struct task_struct *k)
{
	for (int i = 0; i < 100 && READ_ONCE(k->state) != TASK_INTERRUPTIBLE;
	     i++)
		msleep(1);
}

/* The same until @w's wait has returned. */
static void until_returned(const struct waiter *w)
{
	for (int i = 0; i < 100 && !READ_ONCE(w->returned); i++)
		msleep(1);
}

static void allowed_signal_ends_interruptible_wait(struct ktest *t)
{
	struct waiter w = { .allow = true };
	struct task_struct *k = kthread_run(interruptible_waiter, &w, "t_sig");

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	until_asleep(k);
	KT_EXPECT_EQ(t, k->state, TASK_INTERRUPTIBLE);
	KT_EXPECT(t, !w.returned);
	KT_EXPECT_EQ(t, send_sig(SIGINT, k, 1), 0);
	until_returned(&w);
	KT_EXPECT(t, w.returned);
	KT_EXPECT_EQ(t, w.ret, -ERESTARTSYS);
	KT_EXPECT(t, w.pending);
	KT_EXPECT(t, !signal_pending(k)); /* flushed by the thread */
	kthread_stop(k);
}

static void signal_not_allowed_is_ignored(struct ktest *t)
{
	struct waiter w = { .allow = false };
	struct task_struct *k =
		kthread_run(interruptible_waiter, &w, "t_nosig");

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	until_asleep(k);
	KT_EXPECT_EQ(t, send_sig(SIGINT, k, 1), 0);
	msleep(2); /* time for a wrong wake-up to show */
	KT_EXPECT(t, !w.returned);
	KT_EXPECT(t, !signal_pending(k));
	KT_EXPECT_EQ(t, k->state, TASK_INTERRUPTIBLE);
	kthread_stop(k); /* the stop ends the wait with 0 */
	KT_EXPECT(t, w.returned);
	KT_EXPECT_EQ(t, w.ret, 0);
}

static int uninterruptible_sleeper(void *data)
{
	bool *woke = data;

	allow_signal(SIGINT);
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule();
	*woke = true;
	return 0;
}

static void signal_does_not_wake_uninterruptible_sleep(struct ktest *t)
{
	bool woke = false;
	struct task_struct *k =
		kthread_run(uninterruptible_sleeper, &woke, "t_dsleep");

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	yield();
	send_sig(SIGINT, k, 1);
	yield();
	KT_EXPECT(t, !woke);
	KT_EXPECT(t, signal_pending(k));
	KT_EXPECT_EQ(t, k->state, TASK_UNINTERRUPTIBLE);
	KT_EXPECT_EQ(t, send_sig(0, k, 1), -EINVAL);
	KT_EXPECT_EQ(t, send_sig(_NSIG + 1, k, 1), -EINVAL);
	kthread_stop(k);
	KT_EXPECT(t, woke);
}

static DECLARE_COMPLETION(never_done);

static int killable_waiter(void *data)
{
	int *ret = data;

	allow_signal(SIGINT);
	allow_signal(SIGKILL);
	*ret = wait_for_completion_killable(&never_done);
	return 0;
}

static void killable_wait_ends_for_sigkill_alone(struct ktest *t)
{
	int ret = 1;
	struct task_struct *k = kthread_run(killable_waiter, &ret, "t_kill");

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	get_task_struct(k);
	yield();
	send_sig(SIGINT, k, 1);
	yield();
	KT_EXPECT_EQ(t, ret, 1); /* still waiting */
	send_sig(SIGKILL, k, 1);
	wait_for_completion(&k->exited);
	KT_EXPECT_EQ(t, ret, -ERESTARTSYS);
	KT_EXPECT(t, !completion_done(&never_done));
	kthread_stop(k);
	put_task_struct(k);
}

KTEST_SUITE(signal, KTEST_CASE(allowed_signal_ends_interruptible_wait),
	    KTEST_CASE(signal_not_allowed_is_ignored),
	    KTEST_CASE(signal_does_not_wake_uninterruptible_sleep),
	    KTEST_CASE(killable_wait_ends_for_sigkill_alone));
