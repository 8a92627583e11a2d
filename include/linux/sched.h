/*
 * Linux-compatible <linux/sched.h>, as far as Sprout has tasks: it has
 * one, which never gives the CPU away, so cond_resched() has nothing to
 * switch to.  No "current", schedule() or wait queues: code that needs
 * another task to wake it does not build.
 */
#ifndef LINUX_SCHED_H
#define LINUX_SCHED_H

#include <linux/jiffies.h>
#include <linux/types.h>

static inline int cond_resched(void)
{
	return 0;
}

#endif
