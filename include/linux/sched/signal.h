/*
 * Linux-compatible <linux/sched/signal.h>: signal_pending(), send_sig()
 * and flush_signals() over <kernel/sched.h>.
 */
#ifndef LINUX_SCHED_SIGNAL_H
#define LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/signal.h>

#endif
