/*
 * Linux-compatible <linux/sched.h>: tasks, current, schedule() and the
 * task states over <kernel/sched.h>.  Switching is cooperative, so
 * cond_resched() is where a long loop lets other threads run.
 */
#ifndef LINUX_SCHED_H
#define LINUX_SCHED_H

#include <linux/jiffies.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <kernel/sched.h>

#endif
