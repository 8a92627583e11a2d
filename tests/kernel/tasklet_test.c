/*
 * In-kernel tests of tasklets and the softirqs under them, through the
 * Linux API a module uses: order, running once however often scheduled,
 * rescheduling from the callback, disable/enable, tasklet_kill, the
 * context a tasklet runs in, local_bh_disable(), and the hand-over of a
 * tasklet that keeps coming back to ksoftirqd.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <kernel/x86.h>

#define NPROBES 4

struct probe {
	struct tasklet_struct tasklet;
	int id;
	int runs;
	int resched; /* times left to reschedule itself */
	bool in_softirq, in_serving_softirq, in_task, in_interrupt;
};

static int order[NPROBES + 1];
static int norder;

static void probe_fn(struct tasklet_struct *t)
{
	struct probe *p = from_tasklet(p, t, tasklet);

	p->runs++;
	p->in_softirq = in_softirq();
	p->in_serving_softirq = in_serving_softirq();
	p->in_task = in_task();
	p->in_interrupt = in_interrupt();
	if (norder < NPROBES + 1)
		order[norder++] = p->id;
	if (p->resched > 0) {
		p->resched--;
		tasklet_schedule(t);
	}
}

static void probes_init(struct probe *p, int n)
{
	norder = 0;
	for (int i = 0; i < n; i++) {
		p[i] = (struct probe){ .id = i };
		tasklet_setup(&p[i].tasklet, probe_fn);
	}
}

/* Run what is pending now, as the end of an interrupt would. */
static void run_softirqs(void)
{
	local_bh_disable();
	local_bh_enable();
}

static void tasklets_run_in_fifo_order_hi_list_first(struct ktest *t)
{
	struct probe p[NPROBES];

	probes_init(p, NPROBES);
	local_bh_disable();
	tasklet_schedule(&p[0].tasklet);
	tasklet_schedule(&p[1].tasklet);
	tasklet_hi_schedule(&p[2].tasklet);
	tasklet_schedule(&p[3].tasklet);
	local_bh_enable();
	KT_EXPECT_EQ(t, norder, 4);
	KT_EXPECT_EQ(t, order[0], 2);
	KT_EXPECT_EQ(t, order[1], 0);
	KT_EXPECT_EQ(t, order[2], 1);
	KT_EXPECT_EQ(t, order[3], 3);
}

static void scheduled_twice_before_running_runs_once(struct ktest *t)
{
	struct probe p;

	probes_init(&p, 1);
	local_bh_disable();
	tasklet_schedule(&p.tasklet);
	tasklet_schedule(&p.tasklet);
	tasklet_hi_schedule(&p.tasklet);
	local_bh_enable();
	KT_EXPECT_EQ(t, p.runs, 1);
	KT_EXPECT_EQ(t, p.tasklet.state, 0);
}

static void rescheduled_from_its_callback_runs_again(struct ktest *t)
{
	struct probe p;

	probes_init(&p, 1);
	p.resched = 2;
	local_bh_disable();
	tasklet_schedule(&p.tasklet);
	local_bh_enable();
	KT_EXPECT_EQ(t, p.runs, 3);
	KT_EXPECT_EQ(t, p.tasklet.state, 0);
}

static unsigned long old_style_data;

static void old_style_fn(unsigned long data)
{
	old_style_data = data;
}

static void old_style_tasklet_gets_its_data(struct ktest *t)
{
	struct tasklet_struct old;

	tasklet_init(&old, old_style_fn, 0x5eed);
	old_style_data = 0;
	local_bh_disable();
	tasklet_schedule(&old);
	local_bh_enable();
	KT_EXPECT_EQ(t, old_style_data, 0x5eed);
}

static void context_inside_a_tasklet_is_softirq(struct ktest *t)
{
	struct probe p;

	probes_init(&p, 1);
	local_bh_disable();
	tasklet_schedule(&p.tasklet);
	local_bh_enable();
	KT_EXPECT_EQ(t, p.runs, 1);
	KT_EXPECT(t, p.in_softirq);
	KT_EXPECT(t, p.in_serving_softirq);
	KT_EXPECT(t, p.in_interrupt);
	KT_EXPECT(t, !p.in_task);
	/* Back in the thread: none of it. */
	KT_EXPECT(t, in_task() && !in_softirq() && !in_interrupt());
}

static void bh_disable_holds_a_tasklet_until_bh_enable(struct ktest *t)
{
	struct probe p;

	probes_init(&p, 1);
	local_bh_disable();
	KT_EXPECT(t, in_softirq() && !in_serving_softirq() && in_task());
	tasklet_schedule(&p.tasklet);
	/* Ticks come and go meanwhile; their irq_exit() must leave it. */
	mdelay(25);
	KT_EXPECT_EQ(t, p.runs, 0);
	KT_EXPECT(t, local_softirq_pending() & (1u << TASKLET_SOFTIRQ));
	local_bh_enable();
	KT_EXPECT_EQ(t, p.runs, 1);
	KT_EXPECT_EQ(t, local_softirq_pending(), 0);
}

static void disabled_tasklet_runs_only_after_enable(struct ktest *t)
{
	struct probe p;

	probes_init(&p, 1);
	tasklet_disable(&p.tasklet);
	tasklet_schedule(&p.tasklet);
	run_softirqs();
	msleep(20); /* ksoftirqd, woken by the schedule, has had its turn */
	KT_EXPECT_EQ(t, p.runs, 0);
	KT_EXPECT(t, p.tasklet.state & (1ul << TASKLET_STATE_SCHED));
	/* Nested: only the last enable lets it run. */
	tasklet_disable_nosync(&p.tasklet);
	tasklet_enable(&p.tasklet);
	run_softirqs();
	KT_EXPECT_EQ(t, p.runs, 0);
	local_bh_disable();
	tasklet_enable(&p.tasklet);
	local_bh_enable();
	KT_EXPECT_EQ(t, p.runs, 1);
	KT_EXPECT_EQ(t, p.tasklet.state, 0);
}

static void kill_of_a_scheduled_tasklet_waits_for_its_run(struct ktest *t)
{
	struct probe p;

	probes_init(&p, 1);
	tasklet_schedule(&p.tasklet); /* a thread's: ksoftirqd runs it */
	tasklet_kill(&p.tasklet);
	KT_EXPECT_EQ(t, p.runs, 1);
	KT_EXPECT_EQ(t, p.tasklet.state, 0);
	run_softirqs();
	msleep(10);
	KT_EXPECT_EQ(t, p.runs, 1);
	/* Killing an idle tasklet changes nothing and does not wait. */
	tasklet_kill(&p.tasklet);
	KT_EXPECT_EQ(t, p.tasklet.state, 0);
}

/* ---- A tasklet marked running by someone else ---- */

static bool holder_released;

/* Hold @data's RUN bit for 30 ms, as another CPU running it would. */
static int run_holder(void *data)
{
	struct tasklet_struct *tasklet = data;

	if (!tasklet_trylock(tasklet))
		return -EBUSY;
	msleep(30);
	holder_released = true;
	tasklet_unlock(tasklet);
	return ktest_sleep_until_stopped();
}

static void kill_waits_while_the_tasklet_runs(struct ktest *t)
{
	struct task_struct *k;
	struct probe p;

	probes_init(&p, 1);
	holder_released = false;
	k = kthread_create_task(run_holder, &p.tasklet, "t_holder");
	KT_EXPECT(t, k != NULL);
	if (!k)
		return;
	wake_up_process(k);
	msleep(5); /* the holder takes RUN and sleeps */
	KT_EXPECT(t, !tasklet_trylock(&p.tasklet));
	/* Scheduled while running: it waits, then runs once, alone. */
	tasklet_schedule(&p.tasklet);
	run_softirqs();
	KT_EXPECT_EQ(t, p.runs, 0);
	tasklet_kill(&p.tasklet);
	KT_EXPECT(t, holder_released);
	KT_EXPECT_EQ(t, p.runs, 1);
	KT_EXPECT_EQ(t, p.tasklet.state, 0);
	KT_EXPECT_EQ(t, kthread_stop(k), 0);
}

static void kill_from_softirq_context_is_refused(struct ktest *t)
{
	int before = ktest_log_count("Attempt to kill tasklet from interrupt");
	struct probe p;

	probes_init(&p, 1);
	local_bh_disable();
	tasklet_schedule(&p.tasklet);
	tasklet_kill(&p.tasklet); /* would wait for itself: refused */
	local_bh_enable();
	KT_EXPECT_EQ(t,
		     ktest_log_count("Attempt to kill tasklet from interrupt"),
		     before + 1);
	KT_EXPECT_EQ(t, p.runs, 1);
}

static void pending_tasklet_is_found_by_its_function(struct ktest *t)
{
	uintptr_t fn = (uintptr_t)probe_fn;
	struct probe p;
	uint64_t irq;

	probes_init(&p, 1);
	tasklet_disable(&p.tasklet);
	tasklet_schedule(&p.tasklet);
	irq = irq_save();
	KT_EXPECT(t, tasklet_find_pending((void *)fn, (void *)(fn + 1)) ==
			     &p.tasklet);
	KT_EXPECT(t, !tasklet_find_pending((void *)(fn + 1), (void *)(fn + 2)));
	irq_restore(irq);
	local_bh_disable();
	tasklet_enable(&p.tasklet);
	local_bh_enable();
	KT_EXPECT_EQ(t, p.runs, 1);
	irq = irq_save();
	KT_EXPECT(t, !tasklet_find_pending((void *)fn, (void *)(fn + 1)));
	irq_restore(irq);
}

KTEST_SUITE(tasklet, KTEST_CASE(tasklets_run_in_fifo_order_hi_list_first),
	    KTEST_CASE(scheduled_twice_before_running_runs_once),
	    KTEST_CASE(rescheduled_from_its_callback_runs_again),
	    KTEST_CASE(old_style_tasklet_gets_its_data),
	    KTEST_CASE(context_inside_a_tasklet_is_softirq),
	    KTEST_CASE(bh_disable_holds_a_tasklet_until_bh_enable),
	    KTEST_CASE(disabled_tasklet_runs_only_after_enable),
	    KTEST_CASE(kill_of_a_scheduled_tasklet_waits_for_its_run),
	    KTEST_CASE(kill_waits_while_the_tasklet_runs),
	    KTEST_CASE(kill_from_softirq_context_is_refused),
	    KTEST_CASE(pending_tasklet_is_found_by_its_function));
