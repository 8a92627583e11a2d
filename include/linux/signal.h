/*
 * Linux-compatible <linux/signal.h>: signal numbers and allow_signal()
 * over <kernel/sched.h>.
 */
#ifndef LINUX_SIGNAL_H
#define LINUX_SIGNAL_H

#include <kernel/sched.h>

#endif
