/*
 * Linux-compatible <linux/delay.h>: busy waits (udelay, mdelay, ndelay)
 * and sleeps (msleep, ssleep, usleep_range), which on Sprout halt the CPU
 * until the time has passed (<kernel/time.h>).
 */
#ifndef LINUX_DELAY_H
#define LINUX_DELAY_H

#include <linux/types.h>
#include <kernel/time.h>

static inline void ndelay(unsigned long ns)
{
	udelay((ns + 999) / 1000);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * MSEC_PER_SEC);
}

/* Nothing can wake the sleeper early: the whole time always passes. */
static inline unsigned long msleep_interruptible(unsigned int ms)
{
	msleep(ms);
	return 0;
}

/* usleep_range - at least @min us; the slack up to @max is not needed. */
static inline void usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	udelay(min);
}

static inline void fsleep(unsigned long us)
{
	if (us < 1000)
		udelay(us);
	else
		msleep((unsigned int)((us + 999) / 1000));
}

#endif
