/*
 * Linux-compatible <linux/wait.h>: wait queues over <kernel/sched.h>,
 * with Linux's type names.
 */
#ifndef LINUX_WAIT_H
#define LINUX_WAIT_H

#include <linux/list.h>
#include <linux/types.h>
#include <kernel/sched.h>

typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) WAIT_QUEUE_HEAD_INITIALIZER(name)
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = WAIT_QUEUE_HEAD_INITIALIZER(name)

#endif
