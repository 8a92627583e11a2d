/*
 * Linux-compatible <linux/bottom_half.h>: local_bh_disable() and
 * local_bh_enable() over <kernel/softirq.h>, for code that shares data
 * with a tasklet or another softirq.
 */
#ifndef LINUX_BOTTOM_HALF_H
#define LINUX_BOTTOM_HALF_H

#include <kernel/softirq.h>

#endif
