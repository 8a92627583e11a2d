/*
 * In-kernel tests of the fair scheduler and of preemption: CPU-bound
 * threads share the CPU by their nice weights over two seconds, a woken
 * thread runs before a CPU-bound one within a tick, yield() lets the
 * others run, preempt_disable() and a held spinlock keep the CPU across
 * ticks, and schedule() inside them reports "scheduling while atomic".
 */
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/spinlock.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define TICK_NS (NSEC_PER_SEC / HZ)
#define FAIR_WINDOW_NS (2 * NSEC_PER_SEC) /* each fairness run */
#define HOLD_TICKS 5 /* ticks a thread keeps preemption off */
#define YIELDS 5

/* Thread @fn(@data) named @name, created asleep with a reference held
 * (it may end before kthread_stop()); NULL and @t failed if not made. */
static struct task_struct *create_held(struct ktest *t, int (*fn)(void *),
				       void *data, const char *name)
{
	struct task_struct *k = kthread_create(fn, data, "%s", name);

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return NULL;
	get_task_struct(k);
	return k;
}

static int stop_held(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

/*
 * Wake @n threads together.  swapper/0, which runs the tests, is the idle
 * task: the first wake-up would hand the CPU away at once, and a CPU-bound
 * thread would keep it from waking the next.
 */
static void wake_all(struct task_struct **k, int n)
{
	preempt_disable();
	for (int i = 0; i < n; i++)
		wake_up_process(k[i]);
	preempt_enable();
}

/* ---- Two CPU-bound threads sharing the CPU ---- */

struct hog_pair {
	struct task_struct *task[2];
	uint64_t deadline;
	uint64_t ran[2]; /* CPU time of each when the window closed */
	bool stop;
};

/* Spin until the window closes; the first to see it close reads both
 * CPU times, so neither runs between the two readings. */
static int hog(void *data)
{
	struct hog_pair *hp = data;

	while (!READ_ONCE(hp->stop)) {
		if (ktime_get_ns() >= hp->deadline) {
			uint64_t irq = irq_save();

			if (!hp->stop) {
				hp->ran[0] = task_sched_runtime(hp->task[0]);
				hp->ran[1] = task_sched_runtime(hp->task[1]);
				hp->stop = true;
			}
			irq_restore(irq);
		}
		cpu_relax();
	}
	return 0;
}

/* Run two hogs, the second at @nice, for FAIR_WINDOW_NS; their CPU time
 * in @ran.  False (and @t failed) if they could not run. */
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
	hp.deadline = ktime_get_ns() + FAIR_WINDOW_NS;
	wake_all(hp.task, 2);
	/* Back here once both hogs have ended. */
	KT_EXPECT_EQ(t, stop_held(hp.task[0]), 0);
	KT_EXPECT_EQ(t, stop_held(hp.task[1]), 0);
	ran[0] = hp.ran[0];
	ran[1] = hp.ran[1];
	pr_info("sched_fair: nice 0 against %d: %llu ms : %llu ms\n", nice,
		(unsigned long long)(ran[0] / 1000000),
		(unsigned long long)(ran[1] / 1000000));
	/* Nothing else ran meanwhile: the window was theirs. */
	KT_EXPECT(t, ran[0] + ran[1] >= FAIR_WINDOW_NS * 9 / 10);
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
	want = ran[1] * 1024;
	got = ran[0] * 335;
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
		KT_EXPECT_EQ(t, stop_held(h), 0);
	} else {
		complete(&wp.go);
	}
	KT_EXPECT_EQ(t, stop_held(s), 0);
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
	KT_EXPECT_EQ(t, stop_held(k[1]), 0);
	KT_EXPECT_EQ(t, stop_held(k[0]), 0);
	KT_EXPECT_EQ(t, yp.others_ran, YIELDS);
}

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
	if (h) {
		wake_up_process(h);
		KT_EXPECT_EQ(t, stop_held(h), 0);
	}
	stop_held(hp.other);
	if (!h)
		return;
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
	bool found;
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

static void find_line(void *arg, int level, uint64_t ns, const char *text)
{
	struct atomic_probe *ap = arg;

	ap->found |= strstr(text, ap->want) != NULL;
}

static void schedule_while_atomic_reports_bug_and_goes_on(struct ktest *t)
{
	struct atomic_probe ap = { .found = false };
	struct task_struct *k =
		create_held(t, sleeps_while_atomic, &ap, "t_atomic");

	if (!k)
		return;
	snprintf(ap.want, sizeof(ap.want),
		 "BUG: scheduling while atomic: t_atomic/%d/0x00000001",
		 k->pid);
	wake_up_process(k);
	KT_EXPECT_EQ(t, stop_held(k), 0);
	/* Its own count came back with it: its preempt_enable() balances. */
	KT_EXPECT_EQ(t, ap.count_after, 1);
	KT_EXPECT_EQ(t, preempt_count(), 0);
	log_for_each(find_line, &ap);
	KT_EXPECT(t, ap.found);
}

KTEST_SUITE(sched_fair, KTEST_CASE(equal_nice_threads_get_half_the_cpu_each),
	    KTEST_CASE(nice_5_gets_335_for_every_1024_of_nice_0),
	    KTEST_CASE(woken_thread_runs_before_a_cpu_hog_within_a_tick),
	    KTEST_CASE(yield_lets_a_cpu_bound_thread_run),
	    KTEST_CASE(preempt_disable_keeps_the_cpu_across_ticks),
	    KTEST_CASE(a_held_spinlock_keeps_the_cpu_across_ticks),
	    KTEST_CASE(schedule_while_atomic_reports_bug_and_goes_on));
