/*
 * In-kernel tests of threads, through the Linux API a module uses: two
 * kthreads taking turns through completions, kthread_stop() of a sleeping
 * thread, a thread that returns being reaped with its stack, wait_event()
 * and wake_up(), complete() against complete_all(), and a module's
 * threads (modules/kthreads) started by its init and gone with it.
 */
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/wait.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/string.h>
#include "modfiles.h"

#define ROUNDS 50 /* turns each of the alternating threads takes */
#define WAITERS 3
/* Enough yields for every thread of a test to run, with room to spare. */
#define SETTLE_YIELDS 20

/*
 * Yield until @done holds, SETTLE_YIELDS times at most.  One yield() lets
 * every ready thread run, but a thread the tick preempted after it set up
 * its wait, before it called schedule(), runs only up to that call, and is
 * queued behind us again there.
 */
#define yield_until(done)                                        \
	for (int __i = 0; __i < SETTLE_YIELDS && !(done); __i++) \
	yield()

/* The counters, with the heap's wholly free pages given back first, so
 * that a page the heap grew by does not count as leaked. */
static void snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

/* ---- Two threads alternating ---- */

static struct completion to_ping, to_pong, finished;
static char turns[2 * ROUNDS + 1];
static size_t nturns;

static int ping_fn(void *data)
{
	for (int i = 0; i < ROUNDS; i++) {
		turns[nturns++] = 'a';
		complete(&to_pong);
		wait_for_completion(&to_ping);
	}
	complete(&finished);
	return 1;
}

static int pong_fn(void *data)
{
	for (int i = 0; i < ROUNDS; i++) {
		wait_for_completion(&to_pong);
		turns[nturns++] = 'b';
		complete(&to_ping);
	}
	complete(&finished);
	return 2;
}

/* A started thread with a reference held, so that kthread_stop() may
 * come after it ended; NULL (and @t failed) if it could not be made. */
static struct task_struct *start_held(struct ktest *t, int (*fn)(void *),
				      void *data, const char *name)
{
	struct task_struct *k = kthread_create(fn, data, "%s", name);

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return NULL;
	get_task_struct(k);
	wake_up_process(k);
	return k;
}

/* kthread_stop() a start_held() thread and drop the reference. */
static int stop_held(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

static int do_nothing(void *data)
{
	return 0;
}

static void two_threads_alternate_through_completions(struct ktest *t)
{
	struct task_struct *ping, *pong;
	struct mm_stats before, after;

	/*
	 * The first stack gives the stack area its upper page tables, which
	 * stay (vmm_unmap() frees only empty last-level tables): make them
	 * before counting.
	 */
	ping = kthread_create(do_nothing, NULL, "t_warmup");
	if (!IS_ERR(ping))
		kthread_stop(ping);
	snapshot(&before);
	init_completion(&to_ping);
	init_completion(&to_pong);
	init_completion(&finished);
	nturns = 0;
	memset(turns, 0, sizeof(turns));
	ping = start_held(t, ping_fn, NULL, "t_ping");
	pong = start_held(t, pong_fn, NULL, "t_pong");
	if (ping && pong) {
		/* Stopped before it ran, a thread would never take a turn. */
		wait_for_completion(&finished);
		wait_for_completion(&finished);
		KT_EXPECT_EQ(t, stop_held(pong), 2);
		KT_EXPECT_EQ(t, stop_held(ping), 1);
	}
	KT_EXPECT_EQ(t, nturns, 2 * ROUNDS);
	for (size_t i = 0; i < nturns; i++)
		if (turns[i] != "ab"[i % 2]) {
			ktest_fail(t, __FILE__, __LINE__,
				   "turn %zu was %c's, expected %c's", i,
				   turns[i], "ab"[i % 2]);
			break;
		}
	snapshot(&after);
	ktest_same_mm(t, "two threads", &before, &after);
}

/* ---- kthread_stop() ---- */

static int sleep_until_stopped(void *data)
{
	int *runs = data;

	(*runs)++;
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 42;
}

static void kthread_stop_wakes_and_ends_a_sleeping_thread(struct ktest *t)
{
	struct mm_stats before, after;
	struct task_struct *k;
	int runs = 0;

	snapshot(&before);
	k = kthread_run(sleep_until_stopped, &runs, "t_sleeper/%d", 1);
	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	KT_EXPECT_EQ(t, strcmp(k->comm, "t_sleeper/1"), 0);
	KT_EXPECT(t, k->pid > 0);
	yield_until(READ_ONCE(k->state) == TASK_INTERRUPTIBLE);
	KT_EXPECT_EQ(t, runs, 1);
	KT_EXPECT_EQ(t, k->state, TASK_INTERRUPTIBLE);
	KT_EXPECT_EQ(t, kthread_stop(k), 42);
	snapshot(&after);
	ktest_same_mm(t, "stopped thread", &before, &after);
}

static void kthread_stop_before_first_run_gives_eintr(struct ktest *t)
{
	struct mm_stats before, after;
	struct task_struct *k;
	int runs = 0;

	snapshot(&before);
	k = kthread_create(sleep_until_stopped, &runs, "t_never");
	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	KT_EXPECT_EQ(t, kthread_stop(k), -EINTR);
	KT_EXPECT_EQ(t, runs, 0);
	snapshot(&after);
	ktest_same_mm(t, "thread stopped before it ran", &before, &after);
}

/* ---- A thread that returns ---- */

static int return_at_once(void *data)
{
	*(bool *)data = true;
	return 0;
}

static void returned_thread_is_reaped(struct ktest *t)
{
	struct mm_stats before, during, after;
	struct task_struct *k;
	bool ran = false;

	snapshot(&before);
	k = kthread_create(return_at_once, &ran, "t_returner");
	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	snapshot(&during);
	KT_EXPECT_EQ(t, during.stack_pages - before.stack_pages,
		     THREAD_SIZE / PAGE_SIZE);
	wake_up_process(k);
	/* It runs, ends, and the switch back to us frees it. */
	yield();
	KT_EXPECT(t, ran);
	snapshot(&after);
	ktest_same_mm(t, "returned thread", &before, &after);
}

/* ---- Wait queues ---- */

static DECLARE_WAIT_QUEUE_HEAD(test_wq);
static bool wq_flag;
static int wq_passes;

static int wait_for_flag(void *data)
{
	wait_event(test_wq, wq_flag);
	wq_passes++;
	return 0;
}

static void wait_event_sleeps_until_its_condition_holds(struct ktest *t)
{
	struct task_struct *k;

	wq_flag = false;
	wq_passes = 0;
	k = start_held(t, wait_for_flag, NULL, "t_waiter");
	if (!k)
		return;
	yield_until(READ_ONCE(k->state) == TASK_UNINTERRUPTIBLE);
	KT_EXPECT_EQ(t, k->state, TASK_UNINTERRUPTIBLE);
	/* Woken with the condition still false: it must sleep again. */
	wake_up(&test_wq);
	yield_until(READ_ONCE(k->state) == TASK_UNINTERRUPTIBLE);
	KT_EXPECT_EQ(t, k->state, TASK_UNINTERRUPTIBLE);
	KT_EXPECT_EQ(t, wq_passes, 0);
	wq_flag = true;
	wake_up(&test_wq);
	yield_until(READ_ONCE(wq_passes));
	KT_EXPECT_EQ(t, wq_passes, 1);
	KT_EXPECT_EQ(t, stop_held(k), 0);
}

/* ---- complete() and complete_all() ---- */

static DECLARE_COMPLETION(gate);
static int through_gate;

static int wait_at_gate(void *data)
{
	wait_for_completion(&gate);
	through_gate++;
	return 0;
}

static void settle(void)
{
	for (int i = 0; i < SETTLE_YIELDS; i++)
		yield();
}

static void complete_lets_one_through_complete_all_every_one(struct ktest *t)
{
	struct task_struct *k[WAITERS] = { NULL };
	struct mm_stats before, after;

	snapshot(&before);
	init_completion(&gate);
	through_gate = 0;
	for (int i = 0; i < WAITERS; i++)
		k[i] = start_held(t, wait_at_gate, NULL, "t_gate");
	settle();
	KT_EXPECT_EQ(t, through_gate, 0);
	complete(&gate);
	settle();
	KT_EXPECT_EQ(t, through_gate, 1);
	complete_all(&gate);
	settle();
	KT_EXPECT_EQ(t, through_gate, WAITERS);
	for (int i = 0; i < WAITERS; i++)
		if (k[i])
			stop_held(k[i]);
	snapshot(&after);
	ktest_same_mm(t, "gate waiters", &before, &after);
}

/* ---- Threads of a module ---- */

/* How many tasks have a name starting with @prefix. */
static int count_tasks(const char *prefix)
{
	struct task_struct *p;
	int n = 0;

	list_for_each_entry(p, &init_task.tasks, tasks)
		n += !strncmp(p->comm, prefix, strlen(prefix));
	return n;
}

static void module_threads_run_and_end_with_the_module(struct ktest *t)
{
	struct mm_stats before, after;

	if (!ktest_have_module_files(t))
		return;
	/*
	 * Twice: the first load of a boot builds the export hash, which
	 * stays (as in module_test.c), so memory is counted around the
	 * second.
	 */
	for (int round = 0; round < 2; round++) {
		snapshot(&before);
		/* Its init fails unless its threads took turns in order. */
		KT_EXPECT_EQ(t, ktest_load_quiet("kthreads", NULL), 0);
		KT_EXPECT_EQ(t, count_tasks("kthreads/"), 1); /* the sleeper */
		KT_EXPECT_EQ(t, ktest_remove_quiet("kthreads"), 0);
		KT_EXPECT_EQ(t, count_tasks("kthreads/"), 0);
		snapshot(&after);
	}
	ktest_same_mm(t, "kthreads module, second load", &before, &after);
}

static int note_cpu_run(void *data)
{
	(*(int *)data)++;
	return 0;
}

/* One CPU: binding to CPU 0 changes nothing, another is refused aloud. */
static void kthread_bind_accepts_cpu_0(struct ktest *t)
{
	int runs = 0;
	struct task_struct *k = kthread_create(note_cpu_run, &runs, "t_bound");

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return;
	get_task_struct(k);
	kthread_bind(k, 0);
	kthread_bind(k, 1); /* warns, ignored */
	wake_up_process(k);
	wait_for_completion(&k->exited);
	KT_EXPECT_EQ(t, runs, 1);
	KT_EXPECT_EQ(t, kthread_stop(k), 0);
	put_task_struct(k);
}

KTEST_SUITE(sched, KTEST_CASE(two_threads_alternate_through_completions),
	    KTEST_CASE(kthread_stop_wakes_and_ends_a_sleeping_thread),
	    KTEST_CASE(kthread_stop_before_first_run_gives_eintr),
	    KTEST_CASE(returned_thread_is_reaped),
	    KTEST_CASE(wait_event_sleeps_until_its_condition_holds),
	    KTEST_CASE(complete_lets_one_through_complete_all_every_one),
	    KTEST_CASE(kthread_bind_accepts_cpu_0),
	    KTEST_CASE(module_threads_run_and_end_with_the_module));
