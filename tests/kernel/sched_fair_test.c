/*
 * In-kernel tests of the fair scheduler: CPU-bound threads share the CPU
 * by their nice weights over two seconds, a woken thread runs before a
 * CPU-bound one within a tick, and yield() lets the others run.
 */
#include <linux/completion.h>
#include <linux/kthread.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include "sched_helpers.h"

#define FAIR_WINDOW_NS (2 * NSEC_PER_SEC) /* each fairness run */
#define YIELDS 5

/* ---- Two CPU-bound threads sharing the CPU ---- */

/*
 * The window closes at its deadline, or as soon after it as the two
 * threads' vruntimes have come within SETTLE_LAG_NS (two ticks of a nice
 * 5 thread) of each other, and at most SETTLE_MAX_NS later.  The policy
 * keeps them that close; what parts them further is the host: a stall
 * of QEMU while one thread runs is all charged to that thread, and the
 * policy pays it back over the next ticks.  Read at a moment of balance,
 * the shares measure the policy, not the host's load.  A policy that did
 * not follow vruntime never balances and is read at the limit.
 */
#define SETTLE_LAG_NS (2 * TICK_NS * NICE_0_WEIGHT / NICE_5_WEIGHT)
#define SETTLE_MAX_NS (NSEC_PER_SEC / 2)
#define NICE_0_WEIGHT 1024
#define NICE_5_WEIGHT 335

struct hog_pair {
	struct task_struct *task[2];
	uint64_t start, deadline, closed;
	uint64_t vruntime_start[2];
	uint64_t ran[2]; /* CPU time of each when the window closed */
	bool stop;
};

/* Have the two run for the same vruntime, give or take SETTLE_LAG_NS? */
static bool hogs_level(struct hog_pair *hp)
{
	int64_t lag = 0;

	for (int i = 0; i < 2; i++) {
		struct task_struct *k = hp->task[i];

		task_sched_runtime(k); /* brings current's vruntime up too */
		lag += (i ? -1 : 1) *
		       (int64_t)(k->se.vruntime - hp->vruntime_start[i]);
	}
	return lag < (int64_t)SETTLE_LAG_NS && lag > -(int64_t)SETTLE_LAG_NS;
}

/* Spin until the window closes; the one that closes it reads both CPU
 * times with interrupts off, so neither runs between the readings. */
static int hog(void *data)
{
	struct hog_pair *hp = data;

	while (!READ_ONCE(hp->stop)) {
		uint64_t now = ktime_get_ns();
		uint64_t irq;

		if (now < hp->deadline)
			continue;
		irq = irq_save();
		if (!hp->stop &&
		    (now >= hp->deadline + SETTLE_MAX_NS || hogs_level(hp))) {
			hp->ran[0] = task_sched_runtime(hp->task[0]);
			hp->ran[1] = task_sched_runtime(hp->task[1]);
			hp->closed = now;
			hp->stop = true;
		}
		irq_restore(irq);
	}
	return 0;
}

/* Run two hogs, the second at @nice, for FAIR_WINDOW_NS or a little
 * more; their CPU time in @ran.  False (and @t failed) if they could not
 * run. */
static bool run_hogs(struct ktest *t, int nice, uint64_t ran[2])
{
	struct hog_pair hp = { .stop = false };

	hp.task[0] = create_held(t, hog, &hp, "t_hog/0");
	hp.task[1] = create_held(t, hog, &hp, "t_hog/1");
	if (!hp.task[0] || !hp.task[1]) {
		hp.stop = true;
		for (int i = 0; i < 2; i++)
			if (hp.task[i])
				stop_held(hp.task[i]);
		return false;
	}
	set_user_nice(hp.task[1], nice);
	KT_EXPECT_EQ(t, task_nice(hp.task[1]), nice);
	for (int i = 0; i < 2; i++)
		hp.vruntime_start[i] = hp.task[i]->se.vruntime;
	hp.start = ktime_get_ns();
	hp.deadline = hp.start + FAIR_WINDOW_NS;
	wake_all(hp.task, 2);
	/* Back here once both hogs have ended. */
	KT_EXPECT_EQ(t, join_held(hp.task[0]), 0);
	KT_EXPECT_EQ(t, join_held(hp.task[1]), 0);
	ran[0] = hp.ran[0];
	ran[1] = hp.ran[1];
	pr_info("sched_fair: nice 0 against %d: %llu ms : %llu ms in %llu ms\n",
		nice, (unsigned long long)(ran[0] / 1000000),
		(unsigned long long)(ran[1] / 1000000),
		(unsigned long long)((hp.closed - hp.start) / 1000000));
	/* Nothing else ran meanwhile: the window was theirs. */
	KT_EXPECT(t, ran[0] + ran[1] >= (hp.closed - hp.start) * 9 / 10);
	return true;
}

static void equal_nice_threads_get_half_the_cpu_each(struct ktest *t)
{
	uint64_t ran[2], permille;

	if (!run_hogs(t, 0, ran))
		return;
	permille = ran[0] * 1000 / (ran[0] + ran[1]);
	KT_EXPECT(t, permille >= 450 && permille <= 550);
}

static void nice_5_gets_335_for_every_1024_of_nice_0(struct ktest *t)
{
	uint64_t ran[2], want, got;

	if (!run_hogs(t, 5, ran))
		return;
	/* ran[0] : ran[1] = 1024 : 335, within 10 %. */
	want = ran[1] * NICE_0_WEIGHT;
	got = ran[0] * NICE_5_WEIGHT;
	KT_EXPECT(t, got * 10 >= want * 9 && got * 10 <= want * 11);
}

/* ---- A woken thread runs first ---- */

struct wake_probe {
	struct completion go;
	uint64_t woken_at, ran_at;
	bool hog_done, ran_before_hog_done;
};

static int sleeper(void *data)
{
	struct wake_probe *wp = data;

	wait_for_completion(&wp->go);
	wp->ran_at = ktime_get_ns();
	wp->ran_before_hog_done = !READ_ONCE(wp->hog_done);
	return 0;
}

/* CPU-bound for two ticks, wakes the sleeper, CPU-bound for three more. */
static int waking_hog(void *data)
{
	struct wake_probe *wp = data;
	uint64_t end = ktime_get_ns() + 2 * TICK_NS;

	while (ktime_get_ns() < end)
		cpu_relax();
	wp->woken_at = ktime_get_ns();
	complete(&wp->go);
	end = ktime_get_ns() + 3 * TICK_NS;
	while (ktime_get_ns() < end)
		cpu_relax();
	WRITE_ONCE(wp->hog_done, true);
	return 0;
}

static void woken_thread_runs_before_a_cpu_hog_within_a_tick(struct ktest *t)
{
	struct wake_probe wp = { .hog_done = false };
	struct task_struct *s, *h;

	init_completion(&wp.go);
	s = create_held(t, sleeper, &wp, "t_sleeper");
	if (!s)
		return;
	wake_up_process(s); /* it runs at once and sleeps */
	h = create_held(t, waking_hog, &wp, "t_waking_hog");
	if (h) {
		wake_up_process(h);
		KT_EXPECT_EQ(t, join_held(h), 0);
	} else {
		complete(&wp.go);
	}
	KT_EXPECT_EQ(t, join_held(s), 0);
	if (!h)
		return;
	KT_EXPECT(t, wp.ran_before_hog_done);
	KT_EXPECT(t, wp.ran_at - wp.woken_at < TICK_NS);
	pr_info("sched_fair: woken to running in %llu us\n",
		(unsigned long long)((wp.ran_at - wp.woken_at) / 1000));
}

/* ---- yield() ---- */

struct yield_probe {
	unsigned long spins;
	bool stop;
	int others_ran; /* yields after which the spinner had run */
};

static int spinner(void *data)
{
	struct yield_probe *yp = data;

	while (!READ_ONCE(yp->stop))
		WRITE_ONCE(yp->spins, yp->spins + 1);
	return 0;
}

static int yielder(void *data)
{
	struct yield_probe *yp = data;

	for (int i = 0; i < YIELDS; i++) {
		unsigned long before = READ_ONCE(yp->spins);

		yield();
		yp->others_ran += READ_ONCE(yp->spins) != before;
	}
	WRITE_ONCE(yp->stop, true);
	return 0;
}

static void yield_lets_a_cpu_bound_thread_run(struct ktest *t)
{
	struct yield_probe yp = { .stop = false };
	struct task_struct *k[2];

	k[0] = create_held(t, spinner, &yp, "t_spinner");
	if (!k[0])
		return;
	k[1] = create_held(t, yielder, &yp, "t_yielder");
	if (!k[1]) {
		yp.stop = true;
		stop_held(k[0]);
		return;
	}
	wake_all(k, 2);
	KT_EXPECT_EQ(t, join_held(k[1]), 0);
	KT_EXPECT_EQ(t, join_held(k[0]), 0);
	KT_EXPECT_EQ(t, yp.others_ran, YIELDS);
}

KTEST_SUITE(sched_fair, KTEST_CASE(equal_nice_threads_get_half_the_cpu_each),
	    KTEST_CASE(nice_5_gets_335_for_every_1024_of_nice_0),
	    KTEST_CASE(woken_thread_runs_before_a_cpu_hog_within_a_tick),
	    KTEST_CASE(yield_lets_a_cpu_bound_thread_run));
