/*
 * Linux-compatible <linux/workqueue.h>: work items, delayed work and
 * workqueues over <kernel/workqueue.h>, which already uses Linux's names;
 * work items run in kworker threads and may sleep.
 */
#ifndef LINUX_WORKQUEUE_H
#define LINUX_WORKQUEUE_H

#include <linux/timer.h>
#include <linux/types.h>
#include <kernel/workqueue.h>

#endif
