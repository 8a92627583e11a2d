/*
 * Linux-compatible <linux/preempt.h>: preempt_disable(), preempt_enable(),
 * preempt_count(), in_atomic() and need_resched() over <kernel/preempt.h>.
 */
#ifndef LINUX_PREEMPT_H
#define LINUX_PREEMPT_H

#include <kernel/preempt.h>

#endif
