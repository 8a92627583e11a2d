/*
 * Counting semaphores, as Linux's kernel/locking/semaphore.c: a free slot
 * is taken at once; otherwise the task queues and sleeps until up()
 * hands it a slot directly, so the count never goes below 0 and waiters
 * are served in the order they came.  Interrupts are off while the count
 * and the list change, since up() may come from an interrupt handler.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/semaphore.h>
#include <kernel/x86.h>
#include "internal.h"

/* A task asleep on a semaphore; it lives on the waiter's stack. */
struct semaphore_waiter {
	struct list_head list;
	struct task_struct *task;
	bool up; /* up() gave it a slot */
};

void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	INIT_LIST_HEAD(&sem->wait_list);
}
EXPORT_SYMBOL(sema_init);

/*
 * Take a slot, sleeping in @state if none is free, at most @timeout
 * jiffies: 0, -EINTR for a signal, or -ETIME when the time ran out.
 */
static int down_common(struct semaphore *sem, unsigned int state, long timeout)
{
	uint64_t irq = irq_save();
	struct semaphore_waiter waiter = { .task = current, .up = false };
	int ret = 0;

	if (sem->count > 0) {
		sem->count--;
		irq_restore(irq);
		return 0;
	}
	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		set_current_state(state);
		if (waiter.up)
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			ret = -EINTR;
			break;
		}
		if (timeout <= 0) {
			list_del(&waiter.list);
			ret = -ETIME;
			break;
		}
		timeout = schedule_timeout(timeout);
	}
	set_current_state(TASK_RUNNING);
	irq_restore(irq);
	return ret;
}

void down(struct semaphore *sem)
{
	might_sleep();
	down_common(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down);

int down_interruptible(struct semaphore *sem)
{
	might_sleep();
	return down_common(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down_interruptible);

int down_killable(struct semaphore *sem)
{
	might_sleep();
	return down_common(sem, TASK_KILLABLE, MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(down_killable);

int down_timeout(struct semaphore *sem, long timeout)
{
	might_sleep();
	return down_common(sem, TASK_UNINTERRUPTIBLE, timeout);
}
EXPORT_SYMBOL(down_timeout);

int down_trylock(struct semaphore *sem)
{
	uint64_t irq = irq_save();
	bool taken = sem->count > 0;

	if (taken)
		sem->count--;
	irq_restore(irq);
	return !taken;
}
EXPORT_SYMBOL(down_trylock);

void up(struct semaphore *sem)
{
	uint64_t irq = irq_save();
	struct semaphore_waiter *w;

	w = list_first_entry_or_null(&sem->wait_list, struct semaphore_waiter,
				     list);
	if (w) {
		list_del(&w->list);
		w->up = true;
		wake_up_process(w->task);
	} else {
		sem->count++;
	}
	irq_restore(irq);
}
EXPORT_SYMBOL(up);
