/*
 * Linux-compatible <linux/ktime.h>: ktime_t, nanoseconds since boot as a
 * signed 64-bit number, and its arithmetic; reading the clock comes with
 * it (<linux/timekeeping.h>), as in Linux.
 */
#ifndef LINUX_KTIME_H
#define LINUX_KTIME_H

#include <linux/jiffies.h>
#include <linux/types.h>
#include <kernel/time.h>

typedef s64 ktime_t;

#define NSEC_PER_MSEC 1000000ll

static inline ktime_t ktime_set(s64 secs, unsigned long ns)
{
	return secs * (s64)NSEC_PER_SEC + (s64)ns;
}

#define ktime_add(a, b) ((a) + (b))
#define ktime_sub(a, b) ((a) - (b))
#define ktime_add_ns(kt, ns) ((kt) + (ns))
#define ktime_sub_ns(kt, ns) ((kt) - (ns))
#define ktime_add_us(kt, us) ((kt) + (s64)(us) * (s64)NSEC_PER_USEC)
#define ktime_compare(a, b) ((a) < (b) ? -1 : (a) > (b))
#define ktime_after(a, b) ((a) > (b))
#define ktime_before(a, b) ((a) < (b))
#define ns_to_ktime(ns) ((ktime_t)(ns))
#define ms_to_ktime(ms) (NSEC_PER_MSEC * (ktime_t)(ms))
#define us_to_ktime(us) ((ktime_t)NSEC_PER_USEC * (ktime_t)(us))

static inline s64 ktime_to_ns(ktime_t kt)
{
	return kt;
}

static inline s64 ktime_to_us(ktime_t kt)
{
	return kt / (s64)NSEC_PER_USEC;
}

static inline s64 ktime_to_ms(ktime_t kt)
{
	return kt / NSEC_PER_MSEC;
}

static inline s64 ktime_us_delta(ktime_t later, ktime_t earlier)
{
	return ktime_to_us(later - earlier);
}

static inline s64 ktime_ms_delta(ktime_t later, ktime_t earlier)
{
	return ktime_to_ms(later - earlier);
}

#include <linux/timekeeping.h>

#endif
