/*
 * In-kernel tests of where softirqs run: at the exit of the interrupt that
 * raised them, with interrupts on; in ksoftirqd/0 when a thread raised
 * them, or enabled bottom halves with interrupts off; and, past the
 * restart limit, in ksoftirqd/0 while other threads still get the CPU.
 */
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/timer.h>
#include <kernel/ktest.h>
#include <kernel/string.h>
#include <kernel/x86.h>

static bool in_ksoftirqd(void)
{
	return !strcmp(current->comm, "ksoftirqd/0");
}

/* ---- Raised from a timer: run at that interrupt's exit ---- */

static struct tasklet_struct exit_tasklet;
static struct timer_list exit_timer;
static int exit_runs;
static bool exit_irqs_on, exit_serving, exit_after_timer, timer_done;

static void exit_tasklet_fn(struct tasklet_struct *t)
{
	exit_runs++;
	exit_irqs_on = read_rflags() & RFLAGS_IF;
	exit_serving = in_serving_softirq() && !in_hardirq();
	exit_after_timer = timer_done;
}

static void exit_timer_fn(struct timer_list *timer)
{
	tasklet_schedule(&exit_tasklet);
	timer_done = true;
}

static void tasklet_from_a_timer_runs_at_interrupt_exit(struct ktest *t)
{
	unsigned long until = jiffies + HZ / 2;

	exit_runs = 0;
	timer_done = false;
	tasklet_setup(&exit_tasklet, exit_tasklet_fn);
	timer_setup(&exit_timer, exit_timer_fn, 0);
	mod_timer(&exit_timer, jiffies + 1);
	/* Busy, not asleep: it must run at the tick's exit, not in a thread. */
	while (!exit_runs && time_before(jiffies, until))
		cpu_relax();
	KT_EXPECT_EQ(t, exit_runs, 1);
	KT_EXPECT(t, exit_after_timer);
	KT_EXPECT(t, exit_irqs_on);
	KT_EXPECT(t, exit_serving);
	tasklet_kill(&exit_tasklet);
}

/* ---- Raised by a thread: ksoftirqd/0 runs it ---- */

static bool thread_ran_in_ksoftirqd;
static int thread_runs;

static void thread_tasklet_fn(struct tasklet_struct *t)
{
	thread_runs++;
	thread_ran_in_ksoftirqd = in_ksoftirqd();
}

/*
 * A tick that comes between the raise and ksoftirqd's turn runs the
 * tasklet at its exit instead, as on Linux: likelier on a slow (debug)
 * kernel, so a few tries are allowed, each run exactly once.
 */
static void tasklet_from_a_thread_runs_in_ksoftirqd(struct ktest *t)
{
	struct tasklet_struct tl;

	thread_ran_in_ksoftirqd = false;
	for (int try = 0; try < 10 && !thread_ran_in_ksoftirqd; try++) {
		thread_runs = 0;
		tasklet_setup(&tl, thread_tasklet_fn);
		tasklet_schedule(&tl);
		tasklet_kill(&tl); /* sleeps until it ran */
		KT_EXPECT_EQ(t, thread_runs, 1);
	}
	KT_EXPECT(t, thread_ran_in_ksoftirqd);
}

static void
bh_enable_with_interrupts_off_leaves_them_to_ksoftirqd(struct ktest *t)
{
	struct tasklet_struct tl;
	uint64_t irq;
	int runs;

	thread_runs = 0;
	tasklet_setup(&tl, thread_tasklet_fn);
	irq = irq_save();
	local_bh_disable();
	tasklet_schedule(&tl);
	local_bh_enable(); /* must not turn interrupts on to run it */
	runs = thread_runs;
	KT_EXPECT(t, !(read_rflags() & RFLAGS_IF));
	irq_restore(irq);
	KT_EXPECT_EQ(t, runs, 0);
	tasklet_kill(&tl);
	KT_EXPECT_EQ(t, thread_runs, 1);
	KT_EXPECT(t, thread_ran_in_ksoftirqd);
}

/* ---- A tasklet that keeps coming back ---- */

static struct tasklet_struct hog;
static bool hog_stop;
static unsigned long hog_runs, hog_runs_in_ksoftirqd;
static unsigned long spins, spins_at_first_handover, spins_while_hogging;

static void hog_fn(struct tasklet_struct *t)
{
	hog_runs++;
	if (in_ksoftirqd()) {
		if (!hog_runs_in_ksoftirqd++)
			spins_at_first_handover = spins;
		/* How far the other thread got while this kept coming back. */
		spins_while_hogging = spins - spins_at_first_handover;
	}
	if (!READ_ONCE(hog_stop))
		tasklet_schedule(t);
}

/* Spin without sleeping: only preemption gives the CPU away. */
static int spinner(void *unused)
{
	while (!kthread_should_stop()) {
		WRITE_ONCE(spins, spins + 1);
		cpu_relax();
	}
	return 0;
}

static void endless_tasklet_moves_to_ksoftirqd_and_threads_run(struct ktest *t)
{
	struct task_struct *k = kthread_create_task(spinner, NULL, "t_spinner");

	KT_EXPECT(t, k != NULL);
	if (!k)
		return;
	hog_stop = false;
	hog_runs = hog_runs_in_ksoftirqd = spins = 0;
	spins_while_hogging = 0;
	tasklet_setup(&hog, hog_fn);
	wake_up_process(k);
	local_bh_disable();
	tasklet_schedule(&hog);
	local_bh_enable();
	/* Here: MAX_SOFTIRQ_RESTART rounds, then the rest went on. */
	KT_EXPECT(t, hog_runs >= MAX_SOFTIRQ_RESTART);
	msleep(100);
	WRITE_ONCE(hog_stop, true);
	tasklet_kill(&hog);
	KT_EXPECT(t, hog_runs_in_ksoftirqd > 0);
	KT_EXPECT(t, spins_while_hogging > 0);
	KT_EXPECT_EQ(t, kthread_stop(k), 0);
}

KTEST_SUITE(softirq, KTEST_CASE(tasklet_from_a_timer_runs_at_interrupt_exit),
	    KTEST_CASE(tasklet_from_a_thread_runs_in_ksoftirqd),
	    KTEST_CASE(bh_enable_with_interrupts_off_leaves_them_to_ksoftirqd),
	    KTEST_CASE(endless_tasklet_moves_to_ksoftirqd_and_threads_run));
