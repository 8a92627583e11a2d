/*
 * Workqueues: a work item is a function to call later in a kernel thread
 * (a kworker), where it may sleep.  Linux's API and its rules: a work
 * item is queued at most once at a time, runs on one worker at a time,
 * and a queue's max_active bounds how many of its items run at once
 * (docs/architecture.md, "Deferred work").
 */
#ifndef KERNEL_WORKQUEUE_H
#define KERNEL_WORKQUEUE_H

#include <kernel/list.h>
#include <kernel/time.h>
#include <kernel/types.h>

struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);

/* work_struct.data: Linux's bit numbers for the two bits it shares. */
#define WORK_STRUCT_PENDING_BIT 0   /* queued, or its timer armed */
#define WORK_STRUCT_INACTIVE_BIT 1  /* waiting for its queue's max_active */
#define WORK_STRUCT_CANCELING_BIT 2 /* cancel_*_sync() under way */
#define WORK_STRUCT_PENDING (1ul << WORK_STRUCT_PENDING_BIT)
#define WORK_STRUCT_INACTIVE (1ul << WORK_STRUCT_INACTIVE_BIT)
#define WORK_STRUCT_CANCELING (1ul << WORK_STRUCT_CANCELING_BIT)

/*
 * A function to run in a worker.  data, entry and func are Linux's (a
 * module sets func through INIT_WORK()); wq and seq are Sprout's: the
 * queue it was last queued on, and its place in the order of every
 * queuing, which flush_work() and flush_workqueue() wait up to.
 */
struct work_struct {
	unsigned long data;	/* WORK_STRUCT_* */
	struct list_head entry; /* in a pool's or a queue's list while queued */
	work_func_t func;
	struct workqueue_struct *wq;
	unsigned long seq;
};

/* A work item queued by a timer once @delay jiffies have passed. */
struct delayed_work {
	struct work_struct work;
	struct timer_list timer; /* calls delayed_work_timer_fn() */
	struct workqueue_struct *wq;
	int cpu;		/* Linux's; Sprout has CPU 0 only */
	struct list_head armed; /* in the list of armed timers (unload) */
};

/* delayed_work_timer_fn - a delayed work's timer: queue the work on its
 * queue.  Hard-interrupt context; the initializers name it. */
void delayed_work_timer_fn(struct timer_list *timer);

#define __WORK_INITIALIZER(n, f)                                 \
	{                                                        \
		.entry = LIST_HEAD_INIT((n).entry), .func = (f), \
	}

#define __DELAYED_WORK_INITIALIZER(n, f)                                     \
	{                                                                    \
		.work = __WORK_INITIALIZER((n).work, (f)),                   \
		.timer = TIMER_INITIALIZER((n).timer, delayed_work_timer_fn, \
					   0),                               \
		.armed = LIST_HEAD_INIT((n).armed),                          \
	}

#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) \
	struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f)

/* work_init - @work calls @fn; not pending.  Not while it is queued. */
static inline void work_init(struct work_struct *work, work_func_t fn)
{
	*work = (struct work_struct){ .func = fn };
	INIT_LIST_HEAD(&work->entry);
}

/* delayed_work_init - @dwork calls @fn; neither queued nor armed. */
static inline void delayed_work_init(struct delayed_work *dwork, work_func_t fn)
{
	work_init(&dwork->work, fn);
	timer_init(&dwork->timer, delayed_work_timer_fn, 0);
	dwork->wq = NULL;
	dwork->cpu = 0;
	INIT_LIST_HEAD(&dwork->armed);
}

#define INIT_WORK(w, f) work_init(w, f)
#define INIT_DELAYED_WORK(dw, f) delayed_work_init(dw, f)

/* to_delayed_work - the delayed_work whose work is @work. */
static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return (struct delayed_work *)((char *)work -
				       __builtin_offsetof(struct delayed_work,
							  work));
}

/* work_pending - is @work queued, or its timer armed? */
#define work_pending(w)                                   \
	((__atomic_load_n(&(w)->data, __ATOMIC_RELAXED) & \
	  WORK_STRUCT_PENDING) != 0)
#define delayed_work_pending(dw) work_pending(&(dw)->work)

/* alloc_workqueue()'s flags: Linux's values (include/linux/workqueue.h). */
#define WQ_UNBOUND (1u << 1)	 /* served by an unbound pool (kworker/uP:N) */
#define WQ_FREEZABLE (1u << 2)	 /* accepted: Sprout never suspends */
#define WQ_MEM_RECLAIM (1u << 3) /* accepted: see "Workqueues" */
#define WQ_HIGHPRI (1u << 4)	 /* served by a nice -20 pool */
#define __WQ_ORDERED (1u << 17)	 /* one item at a time, in order */
#define __WQ_LEGACY (1u << 18)	 /* create_*workqueue() */

#define WQ_MAX_ACTIVE 512
#define WQ_DFL_ACTIVE (WQ_MAX_ACTIVE / 2)
#define WQ_NAME_LEN 32

/*
 * alloc_workqueue - a new queue named by printf-style @fmt.  @flags are
 * WQ_*; @max_active bounds how many of its items run at once: 0 means
 * WQ_DFL_ACTIVE, a value outside 1..WQ_MAX_ACTIVE is warned about and
 * clamped.  NULL if memory is short.  Sleeps.  The caller's address is
 * kept: a module that does not destroy its queue cannot be unloaded.
 */
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...) __printf(1, 4);

#define alloc_ordered_workqueue(fmt, flags, ...)                     \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, \
			##__VA_ARGS__)
#define create_workqueue(name) \
	alloc_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) \
	alloc_ordered_workqueue("%s", __WQ_LEGACY | WQ_MEM_RECLAIM, (name))

/*
 * destroy_workqueue - drain @wq (wait until every item, and every item
 * those queue on it, has run), then free it.  A delayed work still armed
 * for it is reported and disarmed.  Sleeps.
 */
void destroy_workqueue(struct workqueue_struct *wq);

/*
 * queue_work - queue @work on @wq; false if it was already pending (then
 * nothing changes), true if queued.  Any context, interrupts off too.
 * queue_delayed_work - the same once @delay jiffies have passed (0: at
 * once).  mod_delayed_work - queue @dwork for @delay from now, pending
 * or not: true if it was pending (its deadline moved), false if idle.
 */
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);

/* The system's queues, Linux's: system_wq (events), system_highpri_wq
 * (nice -20), system_long_wq (items that run long), system_unbound_wq. */
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

/*
 * flush_work - wait until the instance of @work queued or running now has
 * run; true if there was one, false if @work was idle (or only its timer
 * armed).  flush_delayed_work - fire an armed timer at once, then the
 * same.  flush_workqueue - wait until every item queued on @wq before the
 * call has run.  drain_workqueue - wait until @wq is empty, items it
 * queues on itself included; others may not queue on it meanwhile.  All
 * sleep; none from the work item waited for.
 */
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);

/*
 * cancel_work / cancel_delayed_work - take @work off its queue (or disarm
 * its timer) if pending: true if it was.  An instance already running
 * goes on.  Any context.  The _sync forms also wait for a running
 * instance, and no one can queue the work meanwhile, not even itself: on
 * return it is neither pending nor running.  They sleep.
 */
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);

/* current_work - the work item current runs, if current is a worker;
 * else NULL. */
struct work_struct *current_work(void);

/*
 * For the module loader's unload rule (kernel/module/unload.c):
 * work_find_in_code - the function of a work item in [@start, @end) that
 * is queued, delayed (its timer armed) or running, with *@state saying
 * which; NULL if none.  workqueue_find_allocated_by - copy into @name the
 * name of a queue not yet destroyed that the module whose code starts at
 * @start allocated, from any of its code (its init function's too, freed
 * by now and maybe another module's since); false if there is none.
 */
work_func_t work_find_in_code(uintptr_t start, uintptr_t end,
			      const char **state);
bool workqueue_find_allocated_by(uintptr_t start, uintptr_t end, char *name,
				 size_t size);

#endif
