/*
 * Notifier blocks: how a lower layer tells higher ones that something
 * happened without calling up into them (Linux's notifier chains).  A
 * subsystem keeps a chain; code above registers a block on it, and the
 * chain calls each block's function, highest priority first.
 */
#ifndef KERNEL_NOTIFIER_H
#define KERNEL_NOTIFIER_H

#include <kernel/errno.h>

struct notifier_block {
	/* The event @action with its @data; returns NOTIFY_* below. */
	int (*notifier_call)(struct notifier_block *nb, unsigned long action,
			     void *data);
	struct notifier_block *next; /* the chain's, set on registration */
	int priority;		     /* higher is called first */
};

/* What a notifier_call returns (Linux's values). */
#define NOTIFY_DONE 0x0000 /* nothing to say */
#define NOTIFY_OK 0x0001   /* handled */
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002) /* refused: stop the chain */

/* notifier_from_errno - a refusal carrying -errno @err (0: NOTIFY_OK). */
static inline int notifier_from_errno(int err)
{
	return err ? NOTIFY_STOP_MASK | (NOTIFY_OK - err) : NOTIFY_OK;
}

/* notifier_to_errno - the -errno a return of notifier_from_errno() holds. */
static inline int notifier_to_errno(int ret)
{
	ret &= ~NOTIFY_STOP_MASK;
	return ret > NOTIFY_OK ? NOTIFY_OK - ret : 0;
}

#endif
