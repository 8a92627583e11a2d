/*
 * In-kernel tests of timers (struct timer_list) as a module uses them:
 * order of expiry with ties in order of arming, deleting, re-arming from
 * the callback, moving a pending timer, stopping a self-re-arming timer
 * for good, the callback's context, the query the module unload uses, and
 * an idle CPU left alone by the tick until a timer is due.
 */
#include <linux/sched.h>
#include <linux/timer.h>
#include <kernel/interrupt.h>
#include <kernel/ktest.h>

#define NTIMERS 4
/* Long enough for any timer of a case to have fired, even on a busy host. */
#define SETTLE_JIFFIES (HZ / 5)

struct probe {
	struct timer_list timer;
	int id;
	int runs;
	unsigned long fired_at; /* jiffies at the last run */
	bool in_irq;		/* in_hardirq() at the last run */
	int rearm;		/* times left to re-arm itself; <0: always */
};

static int order[NTIMERS + 1];
static int norder;

static void probe_fn(struct timer_list *timer)
{
	struct probe *p = from_timer(p, timer, timer);

	p->runs++;
	p->fired_at = jiffies;
	p->in_irq = in_hardirq();
	if (norder < NTIMERS + 1)
		order[norder++] = p->id;
	if (p->rearm) {
		if (p->rearm > 0)
			p->rearm--;
		mod_timer(timer, jiffies + 1);
	}
}

static void probes_init(struct probe *p, int n)
{
	norder = 0;
	for (int i = 0; i < n; i++) {
		p[i] = (struct probe){ .id = i };
		timer_setup(&p[i].timer, probe_fn, 0);
	}
}

/* Sleep @j jiffies: the timers under test fire meanwhile. */
static void settle(unsigned long j)
{
	schedule_timeout_uninterruptible((long)j);
}

static void timers_fire_in_order_of_expiry(struct ktest *t)
{
	struct probe p[NTIMERS];
	unsigned long now = jiffies;
	/* Timer 1 and 3 share a jiffy: 1 was armed first. */
	static const unsigned long delay[NTIMERS] = { 4, 2, 3, 2 };
	static const int expected[NTIMERS] = { 1, 3, 2, 0 };

	probes_init(p, NTIMERS);
	for (int i = 0; i < NTIMERS; i++) {
		p[i].timer.expires = now + delay[i];
		add_timer(&p[i].timer);
		KT_EXPECT(t, timer_pending(&p[i].timer));
	}
	settle(SETTLE_JIFFIES);
	KT_EXPECT_EQ(t, norder, NTIMERS);
	for (int i = 0; i < NTIMERS; i++) {
		KT_EXPECT_EQ(t, order[i], expected[i]);
		KT_EXPECT(t, !timer_pending(&p[i].timer));
		KT_EXPECT(t, time_after_eq(p[i].fired_at, now + delay[i]));
	}
}

static void deleted_timer_does_not_fire(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	KT_EXPECT_EQ(t, mod_timer(&p[0].timer, jiffies + 2), 0);
	KT_EXPECT_EQ(t, del_timer(&p[0].timer), 1);
	KT_EXPECT(t, !timer_pending(&p[0].timer));
	KT_EXPECT_EQ(t, del_timer(&p[0].timer), 0);
	settle(SETTLE_JIFFIES);
	KT_EXPECT_EQ(t, p[0].runs, 0);
}

static void callback_rearms_its_own_timer(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	p[0].rearm = 2;
	mod_timer(&p[0].timer, jiffies + 1);
	settle(SETTLE_JIFFIES);
	KT_EXPECT_EQ(t, p[0].runs, 3);
	KT_EXPECT(t, !timer_pending(&p[0].timer));
	KT_EXPECT(t, p[0].in_irq); /* from the tick interrupt */
}

static void mod_timer_moves_a_pending_timer(struct ktest *t)
{
	struct probe p[2];
	unsigned long now = jiffies;

	probes_init(p, 2);
	/* Sooner: it fires at the new time, not the old. */
	mod_timer(&p[0].timer, now + 10 * SETTLE_JIFFIES);
	KT_EXPECT_EQ(t, mod_timer(&p[0].timer, now + 1), 1);
	/* Later: not yet at the old time. */
	mod_timer(&p[1].timer, now + 1);
	KT_EXPECT_EQ(t, mod_timer(&p[1].timer, now + 10 * SETTLE_JIFFIES), 1);
	settle(SETTLE_JIFFIES);
	KT_EXPECT_EQ(t, p[0].runs, 1);
	KT_EXPECT_EQ(t, p[1].runs, 0);
	KT_EXPECT(t, timer_pending(&p[1].timer));
	KT_EXPECT_EQ(t, del_timer(&p[1].timer), 1);
}

static void del_timer_sync_stops_a_self_rearming_timer(struct ktest *t)
{
	struct probe p[1];
	int runs;

	probes_init(p, 1);
	p[0].rearm = -1;
	mod_timer(&p[0].timer, jiffies + 1);
	settle(5);
	KT_EXPECT(t, p[0].runs > 0);
	KT_EXPECT_EQ(t, del_timer_sync(&p[0].timer), 1);
	runs = p[0].runs;
	settle(SETTLE_JIFFIES);
	KT_EXPECT_EQ(t, p[0].runs, runs);
	KT_EXPECT(t, !timer_pending(&p[0].timer));
}

static void shut_down_timer_ignores_rearming(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	mod_timer(&p[0].timer, jiffies + 1);
	KT_EXPECT_EQ(t, timer_shutdown_sync(&p[0].timer), 1);
	KT_EXPECT_EQ(t, mod_timer(&p[0].timer, jiffies + 1), 0);
	KT_EXPECT(t, !timer_pending(&p[0].timer));
	settle(SETTLE_JIFFIES / 2);
	KT_EXPECT_EQ(t, p[0].runs, 0);
}

static void other_fn(struct timer_list *timer)
{
}

static void pending_timer_found_by_its_callback(struct ktest *t)
{
	struct probe p[1];
	DEFINE_TIMER(other, other_fn);
	const char *fn = (const char *)probe_fn;

	probes_init(p, 1);
	KT_EXPECT(t, timer_find_pending(fn, fn + 1) == NULL);
	mod_timer(&other, jiffies + SETTLE_JIFFIES);
	mod_timer(&p[0].timer, jiffies + 2 * SETTLE_JIFFIES);
	KT_EXPECT(t, timer_find_pending(fn, fn + 1) == &p[0].timer);
	KT_EXPECT(t, timer_find_pending(fn + 1, fn + 2) == NULL);
	del_timer(&p[0].timer);
	KT_EXPECT(t, timer_find_pending(fn, fn + 1) == NULL);
	del_timer(&other);
}

struct stamp {
	struct timer_list timer;
	uint64_t ran_at; /* ktime_get_ns() in the callback */
};

static void stamp_fn(struct timer_list *timer)
{
	struct stamp *s = from_timer(s, timer, timer);

	s->ran_at = ktime_get_ns();
}

static void precise_timer_fires_at_its_deadline(struct ktest *t)
{
	struct stamp s = { .ran_at = 0 };
	uint64_t deadline = ktime_get_ns() + 3 * NSEC_PER_SEC / 1000;

	timer_setup(&s.timer, stamp_fn, 0);
	timer_add_precise(&s.timer, deadline);
	KT_EXPECT(t, time_in_range(s.timer.expires, jiffies, jiffies + 1));
	settle(2);
	KT_EXPECT(t, s.ran_at >= deadline);
	/* One already past fires at once, in the jiffy it was armed in. */
	s.ran_at = 0;
	timer_add_precise(&s.timer, ktime_get_ns() - 2 * TICK_NSEC);
	KT_EXPECT(t, time_before_eq(s.timer.expires, jiffies));
	settle(1);
	KT_EXPECT(t, s.ran_at != 0);
}

static void idle_cpu_wakes_only_for_due_timers(struct ktest *t)
{
	unsigned long j0 = jiffies, events = tick_event_count();

	/* Nothing else runs: the CPU idles through the whole sleep. */
	msleep(20 * 1000 / HZ);
	events = tick_event_count() - events;
	KT_EXPECT(t, time_after_eq(jiffies, j0 + 20));
	/* The sleep's own deadline, and a stray event or two at most. */
	KT_EXPECT(t, events < 10);
}

KTEST_SUITE(timer, KTEST_CASE(timers_fire_in_order_of_expiry),
	    KTEST_CASE(deleted_timer_does_not_fire),
	    KTEST_CASE(callback_rearms_its_own_timer),
	    KTEST_CASE(mod_timer_moves_a_pending_timer),
	    KTEST_CASE(del_timer_sync_stops_a_self_rearming_timer),
	    KTEST_CASE(shut_down_timer_ignores_rearming),
	    KTEST_CASE(pending_timer_found_by_its_callback),
	    KTEST_CASE(precise_timer_fires_at_its_deadline),
	    KTEST_CASE(idle_cpu_wakes_only_for_due_timers));
