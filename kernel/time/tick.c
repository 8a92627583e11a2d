/*
 * The tick: HZ times a second the clock event device interrupts, jiffies
 * moves on and due timers run (timer.c).  The device is one-shot and each
 * event programs the next -- the next tick, or a timer's precise deadline
 * when that comes first -- so a sleep is not rounded up to a tick.
 * jiffies is counted from the TSC, so an event the emulator delivers late
 * loses no tick, and an idle CPU can skip the ticks altogether.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/x86.h>
#include "internal.h"

/*
 * Timer ticks since the tick started: Linux's name, which modules read
 * directly (<linux/jiffies.h>).
 */
volatile unsigned long jiffies;
EXPORT_SYMBOL(jiffies);

static struct clock_event_device *tick_device;
static uint64_t tick_base_ns;  /* when jiffy 0 began */
static uint64_t next_event_ns; /* what the device waits for now */
/* Idle: no ticks, only the first timer (tick_nohz_idle_enter()). */
static bool tick_stopped;

uint64_t jiffies_get(void)
{
	return jiffies;
}

bool tick_running(void)
{
	return tick_device != NULL;
}

uint64_t tick_jiffy_ns(unsigned long j)
{
	return tick_base_ns + (uint64_t)j * TICK_NSEC;
}

void tick_update_jiffies(uint64_t now)
{
	jiffies = (now - tick_base_ns) / TICK_NSEC;
}

void tick_set_stopped(bool stopped)
{
	tick_stopped = stopped;
}

void tick_irq_enter(void)
{
	if (tick_stopped)
		tick_update_jiffies(ktime_get_ns());
}

void tick_program(uint64_t deadline, bool fired)
{
	uint64_t now = ktime_get_ns();
	uint64_t next = tick_jiffy_ns(jiffies + 1), delta;

	if (!tick_device)
		return;
	if (deadline < next || tick_stopped)
		next = deadline;
	if (!fired && next >= next_event_ns)
		return;
	delta = next > now ? next - now : 0;
	if (delta < tick_device->min_delta_ns)
		delta = tick_device->min_delta_ns;
	if (delta > tick_device->max_delta_ns)
		delta = tick_device->max_delta_ns;
	next_event_ns = now + delta;
	tick_device->set_next_ns(delta);
}

int clockevents_register_device(struct clock_event_device *dev)
{
	uint64_t irq;

	if (tick_device)
		return -EBUSY;
	if (dev->max_delta_ns < TICK_NSEC || dev->min_delta_ns > TICK_NSEC)
		return -EINVAL;
	irq = irq_save();
	tick_base_ns = ktime_get_ns();
	jiffies = 0;
	tick_device = dev;
	tick_program(TIMER_NO_DEADLINE, true);
	irq_restore(irq);
	return 0;
}
