/*
 * Time keeping: the TSC, calibrated once against the PIT, gives nanoseconds
 * since boot for log stamps, uptime and benchmarks; the tick counts
 * jiffies and fires timers (struct timer_list).
 */
#ifndef KERNEL_TIME_H
#define KERNEL_TIME_H

#include <kernel/list.h>
#include <kernel/types.h>

#define NSEC_PER_USEC 1000ull
#define NSEC_PER_SEC 1000000000ull

/*
 * tsc_calibrate_begin - open the TSC's measuring window against PIT
 * channel 2, unless CPUID states the rate.  Called first thing, so that
 * the boot's first steps run inside the window.  __init.
 * tsc_calibrate - after tsc_calibrate_begin(), learn the TSC rate: from
 * CPUID where the CPU states it, else by closing the window, with a busy
 * wait only while it is too short for its error bound.  Returns 0,
 * or -ENODEV when there is no rate: CPUID states none and PIT channel 2
 * does not count.  __init.
 */
void tsc_calibrate_begin(void);
int tsc_calibrate(void);

/* The TSC at the kernel's first instruction (boot/entry.asm). */
extern uint64_t boot_tsc;

/* Nanoseconds since the kernel's entry; 0 until tsc_calibrate() has run. */
uint64_t ktime_get_ns(void);

/* tsc_to_ns - convert a TSC delta to nanoseconds. */
uint64_t tsc_to_ns(uint64_t cycles);

/* TSC ticks per second, as calibrated (0 before). */
uint64_t tsc_khz(void);

/*
 * The tick (kernel/time/tick.c): HZ a second, from a one-shot clock event
 * device that each event reprograms -- for the next tick, or sooner for
 * a timer due before it.  jiffies counts the ticks since the device was
 * registered; jiffies_get() reads it.
 */
#define HZ 100u
#define MSEC_PER_SEC 1000u
#define TICK_NSEC (NSEC_PER_SEC / HZ)
uint64_t jiffies_get(void);
extern volatile unsigned long jiffies; /* the same count */

/*
 * A timer that can interrupt once after a given time: what the tick runs
 * on (Linux's clock_event_device, reduced to what one CPU needs).
 * set_next_ns(@delta_ns) arms it to interrupt once, @delta_ns from now,
 * replacing an earlier setting; @delta_ns lies within [min_delta_ns,
 * max_delta_ns].  Its interrupt handler calls tick_handle_event().
 */
struct clock_event_device {
	const char *name;
	uint64_t min_delta_ns, max_delta_ns;
	void (*set_next_ns)(uint64_t delta_ns);
};

/*
 * clockevents_register_device - make @dev the tick's device (one only):
 * jiffies starts counting and the first event is programmed.  Returns 0,
 * -EBUSY if a device is registered already, -EINVAL if @dev cannot reach
 * one tick (max_delta_ns < TICK_NSEC).  Needs tsc_calibrate() first.
 * tick_running - has a device been registered?
 */
int clockevents_register_device(struct clock_event_device *dev);
bool tick_running(void);

/*
 * tick_handle_event - the clock event device's interrupt: bring jiffies
 * up to date, run the expired timers' callbacks, program the next event.
 * Interrupt context, interrupts off.
 */
void tick_handle_event(void);

/* tick_event_count - how many events the tick has handled (ticks, timers
 * due between them), as /proc/interrupts counts them in Linux. */
unsigned long tick_event_count(void);

/*
 * tick_nohz_idle_enter - the CPU is about to idle: program the device for
 * the first timer only (at most max_delta_ns ahead), not the ticks in
 * between, so an idle CPU wakes only when something is due.
 * tick_nohz_idle_exit - idling is over: jiffies catches up and the ticks
 * resume.  Both with interrupts off (Linux's names).
 * tick_irq_enter - an interrupt begins: while the tick is stopped,
 * jiffies catches up first, so a handler reads the right count.
 */
void tick_nohz_idle_enter(void);
void tick_nohz_idle_exit(void);
void tick_irq_enter(void);

/* udelay / mdelay - busy-wait; need tsc_calibrate() first. */
void udelay(unsigned long us);
void mdelay(unsigned long ms);

/* ---- Timers (kernel/time/timer.c), Linux's struct timer_list ---- */

/*
 * A function to call once at a later jiffy.  Callbacks run from the tick
 * interrupt, with interrupts off (Linux runs them in softirq context;
 * Sprout has no softirqs yet), so they must not sleep.  A callback may
 * re-arm its own timer and add or delete others.
 */
struct timer_list {
	struct list_head entry; /* in the timer queue while pending */
	unsigned long expires;	/* the jiffy it fires at */
	void (*function)(struct timer_list *timer); /* NULL: shut down */
	uint32_t flags;				    /* accepted, unused */
	uint64_t deadline_ns; /* when, by ktime_get_ns(): the queue's order */
};

#define TIMER_INITIALIZER(name, fn, fl)                                  \
	{                                                                \
		.entry = LIST_HEAD_INIT((name).entry), .function = (fn), \
		.flags = (fl),                                           \
	}

/*
 * timer_init - set up @timer to call @fn; not pending.  @flags is kept
 * for Linux's timer_setup(); none changes anything here (a
 * TIMER_DEFERRABLE timer still wakes an idle CPU).
 */
void timer_init(struct timer_list *timer, void (*fn)(struct timer_list *timer),
		uint32_t flags);

/* timer_pending - is @timer armed and not yet fired? */
static inline bool timer_pending(const struct timer_list *timer)
{
	return !list_empty(&timer->entry);
}

/*
 * add_timer - arm @timer for timer->expires (a jiffy already past fires
 * at the next tick).  @timer must not be pending.  Any context.
 * mod_timer - set timer->expires to @expires and arm it, pending or not.
 * Returns 1 if it was pending, else 0.  Any context.
 * timer_delete - disarm @timer.  Returns 1 if it was pending, else 0; a
 * callback already running goes on.  Any context.
 */
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int timer_delete(struct timer_list *timer);

/*
 * timer_delete_sync - disarm @timer and make sure its callback is not
 * running when this returns: then, unless someone else re-arms it, it
 * will not run again.  Returns as timer_delete().  Not from @timer's own
 * callback (refused with a warning, as Linux warns).
 * timer_shutdown_sync - the same, and the timer stays off for good:
 * add_timer()/mod_timer() ignore it afterwards, re-arming callbacks too.
 */
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);

/*
 * timer_add_precise - arm @timer to fire at @deadline_ns by ktime_get_ns(),
 * not rounded to a tick: the clock event is programmed for it.  What
 * Linux's hrtimers do for precise sleeps (msleep, usleep_range).
 */
void timer_add_precise(struct timer_list *timer, uint64_t deadline_ns);

/*
 * timer_find_pending - the first pending timer whose callback lies in
 * [@start, @end), or NULL.  For a layer above that frees code (a module's
 * unload) to refuse while a timer would still call into it; print the
 * callback with %ps.  Call with interrupts off to use the result.
 */
struct timer_list *timer_find_pending(const void *start, const void *end);

#endif
