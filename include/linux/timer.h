/*
 * Linux-compatible <linux/timer.h>: struct timer_list and its API over
 * <kernel/time.h>.  Callbacks run from the tick interrupt (Linux's run in
 * softirq context), so they must not sleep.
 */
#ifndef LINUX_TIMER_H
#define LINUX_TIMER_H

#include <linux/container_of.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/types.h>
#include <kernel/time.h>

/* Linux's flag values; accepted, and meaningless on one CPU. */
#define TIMER_DEFERRABLE 0x00080000u
#define TIMER_PINNED 0x00200000u
#define TIMER_IRQSAFE 0x00400000u

#define timer_setup(timer, callback, flags) timer_init(timer, callback, flags)
#define timer_setup_on_stack(timer, callback, flags) \
	timer_init(timer, callback, flags)

#define DEFINE_TIMER(name, fn) \
	struct timer_list name = TIMER_INITIALIZER(name, fn, 0)

/* from_timer - the structure whose member @field is the timer @t. */
#define from_timer(var, t, field) container_of(t, __typeof__(*(var)), field)

/* The names before Linux 6.2 renamed them timer_delete*. */
#define del_timer(timer) timer_delete(timer)
#define del_timer_sync(timer) timer_delete_sync(timer)

#endif
