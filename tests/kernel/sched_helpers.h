/*
 * What the scheduler's in-kernel suites share: threads created with a
 * reference held, so that kthread_stop() may come after they ended,
 * woken together, and waited for while the suite's own thread sleeps.
 */
#ifndef TESTS_KERNEL_SCHED_HELPERS_H
#define TESTS_KERNEL_SCHED_HELPERS_H

#include <linux/kthread.h>
#include <linux/preempt.h>
#include <kernel/ktest.h>
#include <kernel/time.h>

#define TICK_NS (NSEC_PER_SEC / HZ)

/* Thread @fn(@data) named @name, created asleep with a reference held
 * (it may end before kthread_stop()); NULL and @t failed if not made. */
static inline struct task_struct *
create_held(struct ktest *t, int (*fn)(void *), void *data, const char *name)
{
	struct task_struct *k = kthread_create(fn, data, "%s", name);

	KT_EXPECT(t, !IS_ERR(k));
	if (IS_ERR(k))
		return NULL;
	get_task_struct(k);
	return k;
}

static inline int stop_held(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}

/*
 * join_held - wait, asleep, until @k (woken, and ending by itself) has
 * ended, then reap it: its result.  Asleep, the suite's thread takes no
 * CPU time from the threads under test.
 */
static inline int join_held(struct task_struct *k)
{
	wait_for_completion(&k->exited);
	return stop_held(k);
}

/*
 * Wake @n threads together: the first wake-up could otherwise hand the
 * CPU away at once, and a CPU-bound thread keep the suite from waking the
 * next for a while.
 */
static inline void wake_all(struct task_struct **k, int n)
{
	preempt_disable();
	for (int i = 0; i < n; i++)
		wake_up_process(k[i]);
	preempt_enable();
}

#endif
