/*
 * The time subsystem's private parts: the timer queue's pure steps, which
 * the host unit tests run unchanged, and the tick's side of the timers
 * (tick.c under timer.c).
 */
#ifndef KERNEL_TIME_INTERNAL_H
#define KERNEL_TIME_INTERNAL_H

#include <kernel/time.h>

/* No deadline: an empty queue's next one. */
#define TIMER_NO_DEADLINE UINT64_MAX

/*
 * timer_queue_add - put @timer into @queue, which is ordered by
 * deadline_ns, earliest first: after every timer due at or before it, so
 * timers with one deadline fire in the order they were armed.  @timer
 * must not be on a list.  Pure: no locks, no allocation; the caller keeps
 * interrupts off around it, as around every step below.
 */
void timer_queue_add(struct list_head *queue, struct timer_list *timer);

/*
 * timer_queue_take_expired - move the timers of @queue due by @now
 * (deadline_ns <= @now), in order, to the tail of @expired.
 */
void timer_queue_take_expired(struct list_head *queue, uint64_t now,
			      struct list_head *expired);

/* timer_queue_next_deadline - the first timer's deadline_ns, or
 * TIMER_NO_DEADLINE when @queue is empty. */
uint64_t timer_queue_next_deadline(const struct list_head *queue);

/* timer_queue_find - the first timer of @queue whose function lies in
 * [@start, @end), or NULL. */
struct timer_list *timer_queue_find(const struct list_head *queue,
				    const void *start, const void *end);

/*
 * tick_jiffy_ns - when jiffy @j begins by ktime_get_ns(): a timer that
 * expires at @j is due then.
 * tick_update_jiffies - set jiffies to the ticks begun by @now.
 * tick_program - program the device for @deadline or the next tick,
 * whichever is first (only @deadline, at most max_delta_ns ahead, while
 * the tick is stopped); unless @fired (the device's event has just come,
 * so it is idle), only when that is sooner than what it waits for now.
 * tick_set_stopped - stop or restart the ticks for the next
 * tick_program(); the caller reprograms.
 * Interrupts off; nothing before clockevents_register_device().
 */
uint64_t tick_jiffy_ns(unsigned long j);
void tick_update_jiffies(uint64_t now);
void tick_program(uint64_t deadline, bool fired);
void tick_set_stopped(bool stopped);

#endif
