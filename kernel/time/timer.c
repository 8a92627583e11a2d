/*
 * Timers: struct timer_list with Linux's API.  A pending timer sits in
 * one queue ordered by its deadline (timer_queue.c); each tick event
 * takes the due ones off and calls them.  A timer set for a jiffy is due
 * when that jiffy begins; timer_add_precise() gives one a deadline in
 * nanoseconds instead, which the tick programs its device for.
 */
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/x86.h>
#include "internal.h"

/*
 * Further than this a jiffy timer is queued at this distance instead: its
 * deadline must not overflow.  About 0.7 years at HZ=100.
 */
#define TIMER_MAX_JIFFIES (1ul << 31)

static LIST_HEAD(timer_queue);
/* Due timers taken off the queue by the event running now, in order. */
static LIST_HEAD(timer_expired);
static struct timer_list *running_timer;
static unsigned long tick_events;

void timer_init(struct timer_list *timer, void (*fn)(struct timer_list *timer),
		uint32_t flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->expires = 0;
	timer->function = fn;
	timer->flags = flags;
	timer->deadline_ns = 0;
}
EXPORT_SYMBOL(timer_init);

/* Queue @timer for @deadline_ns, off whatever list it was on; irqs off. */
static void timer_enqueue(struct timer_list *timer, uint64_t deadline_ns)
{
	list_del_init(&timer->entry);
	if (!timer->function)
		return; /* shut down: stays off */
	timer->deadline_ns = deadline_ns;
	timer_queue_add(&timer_queue, timer);
	tick_program(deadline_ns, false);
}

/* When jiffy timer @expires is due; one already past is due now. */
static uint64_t timer_jiffy_deadline(unsigned long expires)
{
	long ahead = (long)(expires - jiffies);

	if (ahead <= 0)
		return 0;
	if ((unsigned long)ahead > TIMER_MAX_JIFFIES)
		ahead = TIMER_MAX_JIFFIES;
	return tick_jiffy_ns(jiffies + ahead);
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	uint64_t irq = irq_save();
	int was_pending = timer_pending(timer);

	timer->expires = expires;
	timer_enqueue(timer, timer_jiffy_deadline(expires));
	irq_restore(irq);
	return was_pending;
}
EXPORT_SYMBOL(mod_timer);

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

void timer_add_precise(struct timer_list *timer, uint64_t deadline_ns)
{
	uint64_t irq = irq_save();
	uint64_t now_jiffy_ns = tick_jiffy_ns(jiffies);

	/* The jiffy it falls in, for whoever reads expires; now if past. */
	timer->expires = jiffies;
	if (deadline_ns > now_jiffy_ns)
		timer->expires += (deadline_ns - now_jiffy_ns) / TICK_NSEC;
	timer_enqueue(timer, deadline_ns);
	irq_restore(irq);
}
EXPORT_SYMBOL(timer_add_precise);

int timer_delete(struct timer_list *timer)
{
	uint64_t irq = irq_save();
	int was_pending = timer_pending(timer);

	list_del_init(&timer->entry);
	irq_restore(irq);
	return was_pending;
}
EXPORT_SYMBOL(timer_delete);

/*
 * One CPU, and callbacks run from the tick with interrupts off: whoever
 * calls this interrupted no callback midway, so once the timer is off the
 * queue its callback cannot run any more.  Only a callback deleting its
 * own timer would wait for itself, which on several CPUs deadlocks.
 */
int timer_delete_sync(struct timer_list *timer)
{
	if (running_timer == timer)
		pr_warn("timer: timer_delete_sync(%ps) from its own callback\n",
			timer->function);
	return timer_delete(timer);
}
EXPORT_SYMBOL(timer_delete_sync);

int timer_shutdown_sync(struct timer_list *timer)
{
	uint64_t irq = irq_save();
	int was_pending = timer_delete_sync(timer);

	timer->function = NULL;
	irq_restore(irq);
	return was_pending;
}
EXPORT_SYMBOL(timer_shutdown_sync);

struct timer_list *timer_find_pending(const void *start, const void *end)
{
	uint64_t irq = irq_save();
	struct timer_list *timer = timer_queue_find(&timer_queue, start, end);

	if (!timer)
		timer = timer_queue_find(&timer_expired, start, end);
	irq_restore(irq);
	return timer;
}
EXPORT_SYMBOL(timer_find_pending);

/* excerpt: tick-event */
void tick_handle_event(void)
{
	uint64_t now = ktime_get_ns();
	struct timer_list *timer;

	tick_events++;
	tick_update_jiffies(now);
	/*
	 * Take the due timers off first: one a callback re-arms for now
	 * waits for the next event instead of running in a loop here.
	 * Then program that event, before the callbacks: loading the
	 * device is slow (tens of microseconds under QEMU), and what a
	 * callback starts -- a tasklet, a woken thread -- should not wait
	 * for it.  A callback that re-arms sooner reprograms it.
	 */
	timer_queue_take_expired(&timer_queue, now, &timer_expired);
	tick_program(timer_queue_next_deadline(&timer_queue), true);
	while ((timer = list_first_entry_or_null(&timer_expired,
						 struct timer_list, entry))) {
		list_del_init(&timer->entry);
		running_timer = timer;
		timer->function(timer);
		running_timer = NULL;
	}
}
/* excerpt-end: tick-event */

unsigned long tick_event_count(void)
{
	return tick_events;
}

void tick_nohz_idle_enter(void)
{
	if (!tick_running())
		return; /* no ticks to stop, and no jiffies to count yet */
	tick_set_stopped(true);
	tick_program(timer_queue_next_deadline(&timer_queue), true);
}

void tick_nohz_idle_exit(void)
{
	if (!tick_running())
		return;
	tick_set_stopped(false);
	tick_update_jiffies(ktime_get_ns());
	tick_program(timer_queue_next_deadline(&timer_queue), true);
}
