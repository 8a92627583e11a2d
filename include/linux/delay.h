/*
 * Linux-compatible <linux/delay.h>: busy waits (udelay, mdelay, ndelay)
 * from <kernel/time.h>, and sleeps (msleep, msleep_interruptible, ssleep,
 * usleep_range, fsleep), during which other threads run, from
 * <kernel/sched.h>.
 */
#ifndef LINUX_DELAY_H
#define LINUX_DELAY_H

#include <linux/types.h>
#include <kernel/sched.h>
#include <kernel/time.h>

static inline void ndelay(unsigned long ns)
{
	udelay((ns + 999) / 1000);
}

static inline void ssleep(unsigned int seconds)
{
	msleep(seconds * MSEC_PER_SEC);
}

/*
 * fsleep - wait at least @us the way that suits its length, as Linux
 * chooses: a busy wait up to 10 us, a precise sleep up to 20 ms, msleep
 * beyond.
 */
static inline void fsleep(unsigned long us)
{
	if (us <= 10)
		udelay(us);
	else if (us <= 20000)
		usleep_range(us, 2 * us);
	else
		msleep((unsigned int)((us + 999) / 1000));
}

#endif
