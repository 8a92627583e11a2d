/*
 * Linux-compatible <linux/sched.h>: tasks, current, schedule() and the
 * task states over <kernel/sched.h>.  Threads are preempted (tick,
 * interrupt exit, preempt_enable()); cond_resched() gives way at once
 * when the scheduler has asked for the CPU, as on Linux.
 */
#ifndef LINUX_SCHED_H
#define LINUX_SCHED_H

#include <linux/jiffies.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <kernel/sched.h>

#endif
