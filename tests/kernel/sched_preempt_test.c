/*
 * In-kernel tests of preemption's limits: a thread spinning with
 * preempt_disable() or a spinlock held keeps the CPU across ticks and
 * gives it up at the release, and schedule() called inside such a
 * section reports "scheduling while atomic" and the thread goes on.
 */
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>
#include <kernel/ktest.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "sched_helpers.h"

#define HOLD_TICKS 5 /* ticks a thread keeps preemption off */

/* ---- No preemption while preemption is off ---- */

struct hold_probe {
	struct task_struct *other;
	spinlock_t lock;
	bool use_lock;
	int other_runs;
	int runs_while_held, runs_after_release;
	bool resched_wanted;
	unsigned long ticks_held;
};

static int count_run(void *data)
{
	struct hold_probe *hp = data;

	hp->other_runs++;
	return 0;
}

/* Make the other thread runnable, then spin HOLD_TICKS ticks with
 * preemption off (a lock or preempt_disable()). */
static int holder(void *data)
{
	struct hold_probe *hp = data;
	unsigned long start;

	if (hp->use_lock)
		spin_lock(&hp->lock);
	else
		preempt_disable();
	wake_up_process(hp->other);
	start = jiffies;
	while (jiffies - start < HOLD_TICKS)
		cpu_relax();
	hp->ticks_held = jiffies - start;
	hp->runs_while_held = READ_ONCE(hp->other_runs);
	hp->resched_wanted = need_resched();
	if (hp->use_lock)
		spin_unlock(&hp->lock);
	else
		preempt_enable();
	/* The switch the tick asked for came at the release. */
	hp->runs_after_release = READ_ONCE(hp->other_runs);
	return 0;
}

static void hold_cpu(struct ktest *t, bool use_lock)
{
	struct hold_probe hp = { .use_lock = use_lock };
	struct task_struct *h;

	spin_lock_init(&hp.lock);
	hp.other = create_held(t, count_run, &hp, "t_other");
	if (!hp.other)
		return;
	h = create_held(t, holder, &hp, "t_holder");
	if (!h) {
		stop_held(hp.other);
		return;
	}
	wake_up_process(h);
	KT_EXPECT_EQ(t, join_held(h), 0);
	join_held(hp.other);
	KT_EXPECT(t, hp.ticks_held >= HOLD_TICKS);
	KT_EXPECT_EQ(t, hp.runs_while_held, 0);
	KT_EXPECT(t, hp.resched_wanted);
	KT_EXPECT_EQ(t, hp.runs_after_release, 1);
}

static void preempt_disable_keeps_the_cpu_across_ticks(struct ktest *t)
{
	hold_cpu(t, false);
}

static void a_held_spinlock_keeps_the_cpu_across_ticks(struct ktest *t)
{
	hold_cpu(t, true);
}

/* ---- schedule() while atomic ---- */

struct atomic_probe {
	unsigned int count_after;
	char want[64];
};

static int sleeps_while_atomic(void *data)
{
	struct atomic_probe *ap = data;

	preempt_disable();
	schedule();
	ap->count_after = preempt_count();
	preempt_enable();
	return 0;
}

static void schedule_while_atomic_reports_bug_and_goes_on(struct ktest *t)
{
	struct atomic_probe ap = { .count_after = 0 };
	struct task_struct *k =
		create_held(t, sleeps_while_atomic, &ap, "t_atomic");
	char header[48];

	if (!k)
		return;
	snprintf(ap.want, sizeof(ap.want),
		 "BUG: scheduling while atomic: t_atomic/%d/0x00000001",
		 k->pid);
	/* The report's header names the thread, as Linux's. */
	snprintf(header, sizeof(header), "CPU: 0 PID: %d Comm: t_atomic ",
		 k->pid);
	wake_up_process(k);
	KT_EXPECT_EQ(t, join_held(k), 0);
	/* Its own count came back with it: its preempt_enable() balances. */
	KT_EXPECT_EQ(t, ap.count_after, 1);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	KT_EXPECT_EQ(t, ktest_log_count(ap.want), 1);
	KT_EXPECT_EQ(t, ktest_log_count(header), 1);
}

/* ---- A backtrace on a thread's own stack ---- */

static noinline void dump_from_thread(void)
{
	dump_stack();
	__asm__ volatile(""); /* a call, not a tail call */
}

static noinline int thread_that_dumps(void *data)
{
	dump_from_thread();
	return 0;
}

static void dump_stack_in_a_thread_shows_its_callers(struct ktest *t)
{
	struct task_struct *k =
		create_held(t, thread_that_dumps, NULL, "t_dump");
	int before = ktest_log_count(" thread_that_dumps+");
	char header[48];

	if (!k)
		return;
	snprintf(header, sizeof(header), "CPU: 0 PID: %d Comm: t_dump ",
		 k->pid);
	wake_up_process(k);
	KT_EXPECT_EQ(t, join_held(k), 0);
	/* Linux's header line names the thread, then the frames above
	 * dump_stack(), followed on the thread's stack. */
	KT_EXPECT_EQ(t, ktest_log_count(header), 1);
	KT_EXPECT_EQ(t, ktest_log_count(" thread_that_dumps+") - before, 1);
}

KTEST_SUITE(sched_preempt,
	    KTEST_CASE(preempt_disable_keeps_the_cpu_across_ticks),
	    KTEST_CASE(a_held_spinlock_keeps_the_cpu_across_ticks),
	    KTEST_CASE(schedule_while_atomic_reports_bug_and_goes_on),
	    KTEST_CASE(dump_stack_in_a_thread_shows_its_callers));
