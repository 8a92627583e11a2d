/*
 * Counting semaphores: a count of free slots and a FIFO of tasks sleeping
 * until up() gives them one.  As Linux's, up() may be called from any
 * context, interrupt handlers included, and by any task; down() sleeps.
 */
#ifndef KERNEL_SEMAPHORE_H
#define KERNEL_SEMAPHORE_H

#include <kernel/list.h>
#include <kernel/types.h>

struct semaphore {
	unsigned int count;	    /* slots free now */
	struct list_head wait_list; /* of semaphore_waiter, oldest first */
};

#define __SEMAPHORE_INITIALIZER(name, n)                                     \
	{                                                                    \
		.count = (n), .wait_list = LIST_HEAD_INIT((name).wait_list), \
	}

/* sema_init - @val slots free, nobody waiting. */
void sema_init(struct semaphore *sem, int val);

/*
 * down - take a slot, sleeping uninterruptibly until up() hands one
 * over.  down_interruptible / down_killable - the same, but 0 or -EINTR
 * if a signal (SIGKILL for killable) comes first.  Sleep.
 */
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);

/* down_timeout - as down(), but at most @timeout jiffies: 0, or -ETIME
 * if no slot came in time.  Sleeps. */
int down_timeout(struct semaphore *sem, long timeout);

/* down_trylock - take a slot if one is free: 0 if taken, 1 if not
 * (Linux's inverted sense, unlike mutex_trylock()). */
int down_trylock(struct semaphore *sem);

/* up - give a slot back: to the first waiter, or to the count.  Any
 * context. */
void up(struct semaphore *sem);

#endif
