/*
 * Linux-compatible <linux/completion.h>: completions over
 * <kernel/sched.h>.
 */
#ifndef LINUX_COMPLETION_H
#define LINUX_COMPLETION_H

#include <linux/wait.h>
#include <kernel/sched.h>

#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) DECLARE_COMPLETION(work)

#endif
