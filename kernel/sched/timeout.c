/*
 * Sleeping for a time: schedule_timeout() and the sleeps built on it.
 * The sleeper arms a timer whose callback wakes it, then schedules; the
 * timer lives below (kernel/time/) and knows nothing of tasks, so the
 * waking callback is handed down from here.  msleep() and usleep_range()
 * use a precise deadline instead of whole ticks.
 */
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include "internal.h"

#define NSEC_PER_MSEC (NSEC_PER_SEC / MSEC_PER_SEC)

/* A timer that wakes @task: on the sleeper's stack. */
struct sleeper {
	struct timer_list timer;
	struct task_struct *task;
};

static void sleeper_wake(struct timer_list *timer)
{
	wake_up_process(container_of(timer, struct sleeper, timer)->task);
}

/*
 * No might_sleep() here, as in Linux: the caller has set its sleeping
 * state already, and schedule() itself reports a sleep in atomic context.
 */
long schedule_timeout(long timeout)
{
	struct sleeper s = { .task = current };
	unsigned long expire;
	long left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		pr_err("schedule_timeout: wrong timeout value %lx\n",
		       (unsigned long)timeout);
		set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = jiffies + timeout;
	timer_init(&s.timer, sleeper_wake, 0);
	mod_timer(&s.timer, expire);
	schedule();
	timer_delete_sync(&s.timer);
	left = (long)(expire - jiffies);
	return left < 0 ? 0 : left;
}
EXPORT_SYMBOL(schedule_timeout);

long schedule_timeout_interruptible(long timeout)
{
	might_sleep();
	set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

long schedule_timeout_uninterruptible(long timeout)
{
	might_sleep();
	set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

/* excerpt: msleep */
/* Sleep in @state until @deadline_ns (ktime_get_ns()) or a wake-up. */
static void sleep_until_ns(uint64_t deadline_ns, unsigned int state)
{
	struct sleeper s = { .task = current };

	timer_init(&s.timer, sleeper_wake, 0);
	set_current_state(state);
	timer_add_precise(&s.timer, deadline_ns);
	schedule();
	timer_delete_sync(&s.timer);
}

/*
 * A sleep needs the tick to end it and interrupts to let it: during the
 * initcalls (a module loaded at boot) neither holds, and busy waiting is
 * the only way to let the time pass.
 */
static bool sleep_possible(void)
{
	return tick_running() && (read_rflags() & RFLAGS_IF);
}

void msleep(unsigned int ms)
{
	uint64_t end;

	/* First: the time a report takes is not the caller's sleep. */
	might_sleep();
	end = ktime_get_ns() + (uint64_t)ms * NSEC_PER_MSEC;
	if (!sleep_possible()) {
		mdelay(ms);
		return;
	}
	while (ktime_get_ns() < end)
		sleep_until_ns(end, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(msleep);
/* excerpt-end: msleep */

unsigned long msleep_interruptible(unsigned int ms)
{
	uint64_t end, now;

	might_sleep();
	end = ktime_get_ns() + (uint64_t)ms * NSEC_PER_MSEC;
	if (!sleep_possible()) {
		mdelay(ms);
		return 0;
	}
	while ((now = ktime_get_ns()) < end && !signal_pending(current))
		sleep_until_ns(end, TASK_INTERRUPTIBLE);
	return now < end ? (end - now + NSEC_PER_MSEC - 1) / NSEC_PER_MSEC : 0;
}
EXPORT_SYMBOL(msleep_interruptible);

void usleep_range(unsigned long min, unsigned long max)
{
	uint64_t end;

	might_sleep();
	end = ktime_get_ns() + (uint64_t)min * NSEC_PER_USEC;
	(void)max;
	if (!sleep_possible()) {
		udelay(min);
		return;
	}
	while (ktime_get_ns() < end)
		sleep_until_ns(end, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(usleep_range);
