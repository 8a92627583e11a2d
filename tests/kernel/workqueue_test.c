/*
 * In-kernel tests of workqueues through Linux's API: flushing waits for
 * what was queued, canceling waits for what runs and stops what re-arms
 * itself, ordered queues keep order, max_active holds items back, and
 * a sleeping item does not hold up the next; and the kworkers: their
 * names, CPU-bound items kept on one worker, surplus idle workers
 * retired (expired early through pool_cull_idle(), the workqueue's own
 * call, rather than after IDLE_WORKER_TIMEOUT's 300 s).
 */
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/workqueue.h>
#include <kernel/ktest.h>
#include <kernel/preempt.h>
#include <kernel/string.h>
#include "../../kernel/workqueue/internal.h"

/* A work item that counts its runs and may sleep or wait for release. */
struct probe {
	struct work_struct work;
	struct delayed_work dwork;
	int id;
	int runs;
	unsigned int sleep_ms;
	bool rearm;		   /* its delayed work queues itself again */
	struct completion started; /* completed at each run's start */
	struct completion release; /* waited for, if hold is set */
	bool hold;
};

static int order[8];
static int norder;
static int running, max_running;

static void probe_run(struct probe *p)
{
	complete(&p->started);
	if (norder < (int)ARRAY_SIZE(order))
		order[norder++] = p->id;
	if (++running > max_running)
		max_running = running;
	if (p->hold)
		wait_for_completion(&p->release);
	if (p->sleep_ms)
		msleep(p->sleep_ms);
	running--;
	p->runs++;
}

static void probe_fn(struct work_struct *work)
{
	probe_run(container_of(work, struct probe, work));
}

static void probe_delayed_fn(struct work_struct *work)
{
	struct probe *p =
		container_of(to_delayed_work(work), struct probe, dwork);

	probe_run(p);
	if (p->rearm)
		schedule_delayed_work(&p->dwork, 1);
}

static void probes_init(struct probe *p, int n)
{
	norder = running = max_running = 0;
	for (int i = 0; i < n; i++) {
		p[i] = (struct probe){ .id = i };
		INIT_WORK(&p[i].work, probe_fn);
		INIT_DELAYED_WORK(&p[i].dwork, probe_delayed_fn);
		init_completion(&p[i].started);
		init_completion(&p[i].release);
	}
}

/* Queue @n fresh probes on @wq, each sleeping @sleep_ms when it runs. */
static void queue_sleepers(struct workqueue_struct *wq, struct probe *p, int n,
			   unsigned int sleep_ms)
{
	probes_init(p, n);
	for (int i = 0; i < n; i++) {
		p[i].sleep_ms = sleep_ms;
		queue_work(wq, &p[i].work);
	}
}

static void flush_work_waits_for_the_queued_item(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	p[0].sleep_ms = 20;
	KT_EXPECT(t, schedule_work(&p[0].work));
	KT_EXPECT(t, flush_work(&p[0].work));
	KT_EXPECT_EQ(t, p[0].runs, 1);
	KT_EXPECT(t, !flush_work(&p[0].work)); /* idle: nothing to wait for */
}

static void flush_workqueue_waits_for_every_item(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_workqueue("wqtest", 0, 0);
	struct probe p[3];

	KT_EXPECT(t, wq != NULL);
	if (!wq)
		return;
	probes_init(p, 3);
	for (int i = 0; i < 3; i++) {
		p[i].sleep_ms = 10 * (3 - i);
		KT_EXPECT(t, queue_work(wq, &p[i].work));
	}
	flush_workqueue(wq);
	for (int i = 0; i < 3; i++)
		KT_EXPECT_EQ(t, p[i].runs, 1);
	destroy_workqueue(wq);
}

static void queue_work_on_a_pending_item_returns_false(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	preempt_disable(); /* the worker must not run it in between */
	KT_EXPECT(t, schedule_work(&p[0].work));
	KT_EXPECT(t, work_pending(&p[0].work));
	KT_EXPECT(t, !schedule_work(&p[0].work));
	preempt_enable();
	flush_work(&p[0].work);
	KT_EXPECT_EQ(t, p[0].runs, 1);
	KT_EXPECT(t, !work_pending(&p[0].work));
}

static void cancel_work_sync_waits_for_the_running_item(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	p[0].sleep_ms = 50;
	schedule_work(&p[0].work);
	wait_for_completion(&p[0].started);
	KT_EXPECT(t, !cancel_work_sync(&p[0].work)); /* running, not pending */
	KT_EXPECT_EQ(t, p[0].runs, 1);
	/* Pending, not yet run: taken back, never runs. */
	preempt_disable();
	schedule_work(&p[0].work);
	KT_EXPECT(t, cancel_work_sync(&p[0].work));
	preempt_enable();
	msleep(20);
	KT_EXPECT_EQ(t, p[0].runs, 1);
}

static void cancel_delayed_work_sync_stops_a_rearming_item(struct ktest *t)
{
	struct probe p[1];
	int runs;

	probes_init(p, 1);
	p[0].rearm = true;
	p[0].sleep_ms = 10;
	schedule_delayed_work(&p[0].dwork, 1);
	for (int i = 0; i < 3; i++)
		wait_for_completion(&p[0].started);
	/* Its third run sleeps now, and will re-arm it as it ends. */
	KT_EXPECT(t, !cancel_delayed_work_sync(&p[0].dwork));
	runs = p[0].runs;
	KT_EXPECT_EQ(t, runs, 3);
	KT_EXPECT(t, !delayed_work_pending(&p[0].dwork));
	msleep(50); /* five jiffies: it would have run again by now */
	KT_EXPECT_EQ(t, p[0].runs, runs);
	KT_EXPECT(t, !delayed_work_pending(&p[0].dwork));
}

static void an_ordered_queue_keeps_order(struct ktest *t)
{
	struct workqueue_struct *wq = alloc_ordered_workqueue("wqtest_ord", 0);
	struct probe p[6];

	KT_EXPECT(t, wq != NULL);
	if (!wq)
		return;
	probes_init(p, 6);
	for (int i = 0; i < 6; i++) {
		p[i].sleep_ms = i % 2 ? 5 : 0;
		queue_work(wq, &p[i].work);
	}
	flush_workqueue(wq);
	KT_EXPECT_EQ(t, norder, 6);
	KT_EXPECT_EQ(t, max_running, 1);
	for (int i = 0; i < 6; i++)
		KT_EXPECT_EQ(t, order[i], i);
	destroy_workqueue(wq);
}

static void max_active_limits_items_running_at_once(struct ktest *t)
{
	struct workqueue_struct *wq =
		alloc_workqueue("wqtest_max2", WQ_UNBOUND, 2);
	struct probe p[4];

	KT_EXPECT(t, wq != NULL);
	if (!wq)
		return;
	queue_sleepers(wq, p, 4, 30);
	flush_workqueue(wq);
	for (int i = 0; i < 4; i++)
		KT_EXPECT_EQ(t, p[i].runs, 1);
	KT_EXPECT_EQ(t, max_running, 2); /* two at once, never more */
	destroy_workqueue(wq);
}

static void a_sleeping_item_does_not_delay_the_next(struct ktest *t)
{
	struct probe p[2];

	probes_init(p, 2);
	p[0].hold = true;
	schedule_work(&p[0].work);
	schedule_work(&p[1].work);
	/* p[0] sleeps until released; p[1] must run meanwhile. */
	KT_EXPECT(t, wait_for_completion_timeout(&p[1].started, HZ / 2) > 0);
	KT_EXPECT_EQ(t, p[0].runs, 0);
	complete(&p[0].release);
	flush_work(&p[0].work);
	flush_work(&p[1].work);
	KT_EXPECT_EQ(t, p[0].runs + p[1].runs, 2);
}

static void mod_delayed_work_moves_the_deadline(struct ktest *t)
{
	struct probe p[1];

	probes_init(p, 1);
	KT_EXPECT(t, !mod_delayed_work(system_wq, &p[0].dwork, HZ * 10));
	KT_EXPECT(t, !schedule_delayed_work(&p[0].dwork, 1));	   /* pending */
	KT_EXPECT(t, mod_delayed_work(system_wq, &p[0].dwork, 2)); /* sooner */
	KT_EXPECT(t, wait_for_completion_timeout(&p[0].started, HZ / 2) > 0);
	flush_delayed_work(&p[0].dwork);
	KT_EXPECT_EQ(t, p[0].runs, 1);
	/* Later: due in 1 jiffy, moved 10 s away, not run 5 jiffies on. */
	schedule_delayed_work(&p[0].dwork, 1);
	KT_EXPECT(t, mod_delayed_work(system_wq, &p[0].dwork, HZ * 10));
	/* Its timer is the delayed_work's to stop, not cancel_work()'s. */
	KT_EXPECT(t, !cancel_work(&p[0].dwork.work));
	KT_EXPECT(t, delayed_work_pending(&p[0].dwork));
	msleep(50);
	KT_EXPECT_EQ(t, p[0].runs, 1);
	KT_EXPECT(t, cancel_delayed_work_sync(&p[0].dwork));
}

/* ---- The workers ---- */

static struct task_struct *ran_on[3];
static bool saw_itself;

static void note_worker_fn(struct work_struct *work)
{
	struct probe *p = container_of(work, struct probe, work);

	ran_on[p->id] = current;
	saw_itself = current_work() == work;
	if (p->sleep_ms)
		mdelay(p->sleep_ms); /* CPU-bound: it never sleeps */
	p->runs++;
}

/* Is @k a live task of the task list named @prefix followed by digits
 * (and @suffix)? */
static bool is_worker_named(struct task_struct *k, const char *prefix,
			    const char *suffix)
{
	size_t n = strlen(prefix), len = strlen(k->comm), slen = strlen(suffix);
	struct task_struct *p;
	bool listed = false;

	list_for_each_entry(p, &init_task.tasks, tasks)
		listed |= p == k && p->state != TASK_DEAD;
	if (!listed || (k->flags & (PF_KTHREAD | PF_WQ_WORKER)) !=
			       (PF_KTHREAD | PF_WQ_WORKER))
		return false;
	if (strncmp(k->comm, prefix, n) || len <= n + slen ||
	    strcmp(k->comm + len - slen, suffix))
		return false;
	for (size_t i = n; i < len - slen; i++)
		if (k->comm[i] < '0' || k->comm[i] > '9')
			return false;
	return true;
}

static void workers_are_named_as_linux_names_them(struct ktest *t)
{
	struct workqueue_struct *wqs[3] = { system_wq, system_highpri_wq,
					    system_unbound_wq };
	struct probe p[3];

	probes_init(p, 3);
	for (int i = 0; i < 3; i++) {
		INIT_WORK(&p[i].work, note_worker_fn);
		saw_itself = false;
		queue_work(wqs[i], &p[i].work);
		flush_work(&p[i].work);
		KT_EXPECT(t, saw_itself); /* current_work() in the item */
	}
	KT_EXPECT(t, is_worker_named(ran_on[0], "kworker/0:", ""));
	KT_EXPECT(t, is_worker_named(ran_on[1], "kworker/0:", "H"));
	KT_EXPECT_EQ(t, task_nice(ran_on[1]), -20);
	KT_EXPECT_EQ(t, task_nice(ran_on[0]), 0);
	KT_EXPECT(t, is_worker_named(ran_on[2], "kworker/u2:", ""));
	KT_EXPECT(t, current_work() == NULL); /* not a worker */
}

static void cpu_bound_items_share_one_worker(struct ktest *t)
{
	struct probe p[3];

	probes_init(p, 3);
	preempt_disable();
	for (int i = 0; i < 3; i++) {
		INIT_WORK(&p[i].work, note_worker_fn);
		p[i].sleep_ms = 5;
		schedule_work(&p[i].work);
	}
	preempt_enable();
	for (int i = 0; i < 3; i++)
		flush_work(&p[i].work);
	KT_EXPECT(t, ran_on[0] == ran_on[1] && ran_on[1] == ran_on[2]);
}

/* Live tasks named kworker/u2:N. */
static int count_unbound_workers(void)
{
	struct task_struct *p;
	int n = 0;

	list_for_each_entry(p, &init_task.tasks, tasks)
		n += !strncmp(p->comm, "kworker/u2:", 11) &&
		     p->state != TASK_DEAD;
	return n;
}

static void surplus_idle_workers_are_retired(struct ktest *t)
{
	struct workqueue_struct *wq =
		alloc_workqueue("wqtest_wide", WQ_UNBOUND, 8);
	struct worker_pool *pool = &worker_pools[POOL_UNBOUND];
	struct probe p[6];

	KT_EXPECT(t, wq != NULL);
	if (!wq)
		return;
	queue_sleepers(wq, p, 6, 30);
	destroy_workqueue(wq);
	KT_EXPECT_EQ(t, max_running, 6); /* a worker for each sleeping item */
	KT_EXPECT(t, pool->nr_idle > MIN_IDLE_WORKERS);
	pool_cull_idle(pool, false); /* idle for less than 300 s: all stay */
	KT_EXPECT(t, pool->nr_idle > MIN_IDLE_WORKERS);
	pool_cull_idle(pool, true);
	KT_EXPECT_EQ(t, pool->nr_idle, MIN_IDLE_WORKERS);
	KT_EXPECT_EQ(t, pool->nr_workers, MIN_IDLE_WORKERS);
	msleep(10); /* the retired ones wake, end and are freed */
	KT_EXPECT_EQ(t, count_unbound_workers(), MIN_IDLE_WORKERS);
}

static void max_active_out_of_range_is_clamped(struct ktest *t)
{
	const char *warning =
		"workqueue: max_active 1000 requested for wqtest_big is out of range, clamping between 1 and 512";
	int before = ktest_log_count(warning);
	struct workqueue_struct *wq = alloc_workqueue("wqtest_big", 0, 1000);
	struct workqueue_struct *dfl = alloc_workqueue("wqtest_dfl", 0, 0);

	KT_EXPECT(t, wq && dfl);
	if (wq)
		KT_EXPECT_EQ(t, wq->max_active, WQ_MAX_ACTIVE);
	if (dfl)
		KT_EXPECT_EQ(t, dfl->max_active, WQ_DFL_ACTIVE);
	KT_EXPECT_EQ(t, ktest_log_count(warning), before + 1);
	if (wq)
		destroy_workqueue(wq);
	if (dfl)
		destroy_workqueue(dfl);
}

KTEST_SUITE(workqueue, KTEST_CASE(flush_work_waits_for_the_queued_item),
	    KTEST_CASE(flush_workqueue_waits_for_every_item),
	    KTEST_CASE(queue_work_on_a_pending_item_returns_false),
	    KTEST_CASE(cancel_work_sync_waits_for_the_running_item),
	    KTEST_CASE(cancel_delayed_work_sync_stops_a_rearming_item),
	    KTEST_CASE(an_ordered_queue_keeps_order),
	    KTEST_CASE(max_active_limits_items_running_at_once),
	    KTEST_CASE(a_sleeping_item_does_not_delay_the_next),
	    KTEST_CASE(mod_delayed_work_moves_the_deadline),
	    KTEST_CASE(workers_are_named_as_linux_names_them),
	    KTEST_CASE(cpu_bound_items_share_one_worker),
	    KTEST_CASE(surplus_idle_workers_are_retired),
	    KTEST_CASE(max_active_out_of_range_is_clamped));
