/*
 * Linux-compatible <linux/jiffies.h>: jiffies (timer ticks since the timer
 * started, HZ a second) and the wrap-safe comparisons.
 */
#ifndef LINUX_JIFFIES_H
#define LINUX_JIFFIES_H

#include <linux/types.h>
#include <kernel/time.h>

#define MAX_JIFFY_OFFSET ((long)(~0ul >> 2))

/* time_after(a, b) - is a later than b?  Correct across a wrap. */
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))

/* Is @a already past, or still to come, as jiffies counts now? */
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)

static inline u64 get_jiffies_64(void)
{
	return jiffies;
}

/* Conversions round up: a wait is never shorter than asked. */
static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ((unsigned long)ms * HZ + MSEC_PER_SEC - 1) / MSEC_PER_SEC;
}

static inline unsigned long usecs_to_jiffies(unsigned int us)
{
	return ((unsigned long)us * HZ + 999999ul) / 1000000ul;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (MSEC_PER_SEC / HZ));
}

static inline unsigned int jiffies_to_usecs(unsigned long j)
{
	return (unsigned int)(j * (1000000u / HZ));
}

#endif
