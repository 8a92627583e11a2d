/*
 * Completions: "this has happened" as a count that waiters consume, on a
 * wait queue.  complete() before the wait is not lost; complete_all()
 * opens the gate for good (until init_completion()); a wait may have a
 * timeout or end on a signal.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/preempt.h>
#include <kernel/x86.h>
#include "internal.h"

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}
EXPORT_SYMBOL(init_completion);

/*
 * Wait in @state for at most @timeout jiffies (MAX_SCHEDULE_TIMEOUT: no
 * limit), as Linux's do_wait_for_common(): the jiffies left, at least 1,
 * once a complete() was consumed; 0 at the timeout; -ERESTARTSYS when a
 * signal ends an interruptible wait (SIGKILL a killable one).
 */
static long completion_wait(struct completion *x, long timeout,
			    unsigned int state)
{
	uint64_t irq = irq_save();
	struct wait_queue_entry w;

	init_wait_entry(&w);
	while (!x->done && timeout) {
		if (signal_pending_state(state, current)) {
			timeout = -ERESTARTSYS;
			break;
		}
		prepare_to_wait_exclusive(&x->wait, &w, state);
		timeout = schedule_timeout(timeout);
	}
	finish_wait(&x->wait, &w);
	if (x->done) {
		if (x->done != COMPLETION_DONE_ALL)
			x->done--;
		timeout = timeout ? timeout : 1;
	}
	irq_restore(irq);
	return timeout;
}

void wait_for_completion(struct completion *x)
{
	might_sleep();
	completion_wait(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion);

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	might_sleep();
	return completion_wait(x, (long)timeout, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_timeout);

int wait_for_completion_interruptible(struct completion *x)
{
	long ret;

	might_sleep();
	ret = completion_wait(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
	return ret < 0 ? (int)ret : 0;
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

int wait_for_completion_killable(struct completion *x)
{
	long ret;

	might_sleep();
	ret = completion_wait(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);
	return ret < 0 ? (int)ret : 0;
}
EXPORT_SYMBOL(wait_for_completion_killable);

long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout)
{
	might_sleep();
	return completion_wait(x, (long)timeout, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);

bool try_wait_for_completion(struct completion *x)
{
	uint64_t irq = irq_save();
	bool done = x->done != 0;

	if (done && x->done != COMPLETION_DONE_ALL)
		x->done--;
	irq_restore(irq);
	return done;
}
EXPORT_SYMBOL(try_wait_for_completion);

bool completion_done(struct completion *x)
{
	return __atomic_load_n(&x->done, __ATOMIC_RELAXED) != 0;
}
EXPORT_SYMBOL(completion_done);

void complete(struct completion *x)
{
	uint64_t irq;

	preempt_disable(); /* a woken waiter may run at the enable */
	irq = irq_save();
	if (x->done != COMPLETION_DONE_ALL)
		x->done++;
	__wake_up(&x->wait, TASK_NORMAL, 1);
	irq_restore(irq);
	preempt_enable();
}
EXPORT_SYMBOL(complete);

void complete_all(struct completion *x)
{
	uint64_t irq;

	preempt_disable(); /* a woken waiter may run at the enable */
	irq = irq_save();
	x->done = COMPLETION_DONE_ALL;
	__wake_up(&x->wait, TASK_NORMAL, 0);
	irq_restore(irq);
	preempt_enable();
}
EXPORT_SYMBOL(complete_all);
