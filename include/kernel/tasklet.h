/*
 * Tasklets, Linux's simplest bottom half: a function an interrupt handler
 * schedules, run soon after in softirq context (kernel/irq/tasklet.c).
 * However often it is scheduled before it runs, it runs once; it never
 * runs twice at the same time; and it can be disabled and killed.
 */
#ifndef KERNEL_TASKLET_H
#define KERNEL_TASKLET_H

#include <kernel/atomic.h>
#include <kernel/softirq.h>
#include <kernel/types.h>

/* Linux's bits of tasklet_struct.state. */
enum {
	TASKLET_STATE_SCHED, /* on a list, waiting to run */
	TASKLET_STATE_RUN,   /* its function is running */
};

/*
 * Linux's fields.  @count: how many tasklet_disable()s are in force; it
 * runs only at 0.  @use_callback picks @callback(the tasklet itself,
 * Linux 5.9 on) over the older @func(@data).
 */
struct tasklet_struct {
	struct tasklet_struct *next; /* in its list, while scheduled */
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

#define DECLARE_TASKLET(name, _callback)                        \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), \
				       .use_callback = true,    \
				       .callback = _callback }
#define DECLARE_TASKLET_DISABLED(name, _callback)               \
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), \
				       .use_callback = true,    \
				       .callback = _callback }
#define DECLARE_TASKLET_OLD(name, _func) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func }
#define DECLARE_TASKLET_DISABLED_OLD(name, _func) \
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), .func = _func }

/* The structure embedding @t, from a callback's argument. */
#define from_tasklet(var, t, field) container_of(t, __typeof__(*var), field)

/*
 * tasklet_init - set up @t to call @func(@data); tasklet_setup - to call
 * @callback(@t).  Enabled, not scheduled.
 */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long data),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *t));

/*
 * __tasklet_schedule / __tasklet_hi_schedule - put @t, whose SCHED bit the
 * caller has just set, at the end of the normal list (TASKLET_SOFTIRQ) or
 * the high-priority one (HI_SOFTIRQ, served first).  Any context.
 */
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);

static inline bool tasklet_test_and_set(struct tasklet_struct *t, int bit)
{
	return __atomic_fetch_or(&t->state, 1ul << bit, __ATOMIC_SEQ_CST) &
	       (1ul << bit);
}

static inline bool tasklet_test(const struct tasklet_struct *t, int bit)
{
	return __atomic_load_n(&t->state, __ATOMIC_ACQUIRE) & (1ul << bit);
}

/*
 * tasklet_schedule / tasklet_hi_schedule - have @t run soon, once, if it
 * is not already waiting to.  Any context; a disabled tasklet stays
 * scheduled until tasklet_enable().
 */
static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!tasklet_test_and_set(t, TASKLET_STATE_SCHED))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!tasklet_test_and_set(t, TASKLET_STATE_SCHED))
		__tasklet_hi_schedule(t);
}

/*
 * tasklet_trylock - mark @t running, as the softirq does before calling
 * it: true if it was not.  tasklet_unlock - clear the mark; a schedule
 * that waited for it then runs.  tasklet_unlock_wait - sleep until @t is
 * not running.  Linux's; drivers use them to keep a tasklet off shared
 * data for a moment.
 */
static inline bool tasklet_trylock(struct tasklet_struct *t)
{
	return !tasklet_test_and_set(t, TASKLET_STATE_RUN);
}

void tasklet_unlock(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);

/*
 * tasklet_disable_nosync - keep @t from starting (it nests); one already
 * running goes on.  tasklet_disable - the same, then wait until it is not
 * running; may sleep.  tasklet_enable - undo one; at the last, a tasklet
 * scheduled meanwhile runs.
 */
static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

void tasklet_enable(struct tasklet_struct *t);

/*
 * tasklet_kill - wait until @t is neither scheduled nor running, and keep
 * it from being scheduled meanwhile; a scheduled tasklet runs first.  May
 * sleep: never from an interrupt or softirq (reported, and nothing is
 * done).  A tasklet that reschedules itself must stop doing so first, and
 * a disabled one that is scheduled must be enabled, or this never returns.
 */
void tasklet_kill(struct tasklet_struct *t);

/*
 * tasklet_find_pending - a tasklet waiting on a list (scheduled, and
 * perhaps marked running as well) whose function lies in [@start, @end),
 * for the module unload rule; NULL if none.  Call with interrupts off, so
 * that it cannot run meanwhile.
 */
struct tasklet_struct *tasklet_find_pending(const void *start, const void *end);

/* tasklet_function - the function @t calls, whichever style it uses. */
static inline void *tasklet_function(const struct tasklet_struct *t)
{
	return t->use_callback ? (void *)t->callback : (void *)t->func;
}

#endif
