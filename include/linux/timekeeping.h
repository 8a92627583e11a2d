/*
 * Linux-compatible <linux/timekeeping.h>: reading the clock.  Sprout has
 * one clock, the TSC since boot; it never suspends, so the monotonic,
 * boot-time and raw clocks are all that one.  There is no wall clock
 * (the RTC is read by drivers/rtc.c only), so ktime_get_real() is absent.
 */
#ifndef LINUX_TIMEKEEPING_H
#define LINUX_TIMEKEEPING_H

#include <linux/ktime.h>
#include <kernel/time.h>

static inline ktime_t ktime_get(void)
{
	return (ktime_t)ktime_get_ns();
}

#define ktime_get_boottime() ktime_get()
#define ktime_get_raw() ktime_get()
#define ktime_get_boottime_ns() ktime_get_ns()
#define ktime_get_raw_ns() ktime_get_ns()
#define ktime_get_mono_fast_ns() ktime_get_ns()

#endif
