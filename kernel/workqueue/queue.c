/*
 * Workqueues and queuing: alloc_workqueue() and the system's queues, each
 * served by one pool; queue_work() from any context, a queue's max_active
 * holding the rest of its items back in order; delayed work armed on a
 * timer whose callback queues it.
 */
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

struct workqueue_struct *system_wq;
EXPORT_SYMBOL(system_wq);
struct workqueue_struct *system_highpri_wq;
EXPORT_SYMBOL(system_highpri_wq);
struct workqueue_struct *system_long_wq;
EXPORT_SYMBOL(system_long_wq);
struct workqueue_struct *system_unbound_wq;
EXPORT_SYMBOL(system_unbound_wq);

/* Lock held: a worker running an item of @wq queues more on it. */
static bool is_chained_work(struct workqueue_struct *wq)
{
	struct worker *w = worker_of(current);

	return w && w->current_wq == wq;
}

/* excerpt: queue-work */
void __queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	struct worker_pool *pool = wq->pool;

	if (wq->draining && !is_chained_work(wq)) {
		wq_warn("workqueue %s: %ps queued while draining\n", wq->name,
			work->func);
		work->data &= ~WORK_STRUCT_PENDING;
		return;
	}
	work->wq = wq;
	work->seq = ++wq_seq;
	if (wq->nr_active < wq->max_active) {
		wq->nr_active++;
		list_add_tail(&work->entry, &pool->worklist);
		pool_kick(pool);
	} else {
		work->data |= WORK_STRUCT_INACTIVE;
		list_add_tail(&work->entry, &wq->inactive);
	}
	/* Making a thread sleeps: the per-CPU pool's worker does it. */
	if (!pool->nr_workers && !pool->first_requested) {
		pool->first_requested = true;
		pool->create_work.data |= WORK_STRUCT_PENDING;
		__queue_work(system_wq, &pool->create_work);
	}
}
/* excerpt-end: queue-work */

/* Lock held: claim @work's PENDING bit; false if pending or canceling. */
static bool work_claim(struct work_struct *work)
{
	if (work->data & (WORK_STRUCT_PENDING | WORK_STRUCT_CANCELING))
		return false;
	work->data |= WORK_STRUCT_PENDING;
	return true;
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	uint64_t flags = wq_lock();
	bool queued = work_claim(work);

	if (queued)
		__queue_work(wq, work);
	wq_unlock(flags);
	return queued;
}
EXPORT_SYMBOL(queue_work);

void delayed_work_timer_fn(struct timer_list *timer)
{
	struct delayed_work *dwork =
		container_of(timer, struct delayed_work, timer);
	uint64_t flags = wq_lock();

	list_del_init(&dwork->armed);
	__queue_work(dwork->wq, &dwork->work);
	wq_unlock(flags);
}
EXPORT_SYMBOL(delayed_work_timer_fn);

/* Lock held, PENDING claimed: queue @dwork now or arm its timer. */
static void __queue_delayed_work(struct workqueue_struct *wq,
				 struct delayed_work *dwork,
				 unsigned long delay)
{
	dwork->wq = wq;
	if (!delay) {
		__queue_work(wq, &dwork->work);
		return;
	}
	dwork->timer.expires = jiffies + delay;
	add_timer(&dwork->timer);
	list_add_tail(&dwork->armed, &wq_armed);
}

bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	uint64_t flags = wq_lock();
	bool queued = work_claim(&dwork->work);

	if (queued)
		__queue_delayed_work(wq, dwork, delay);
	wq_unlock(flags);
	return queued;
}
EXPORT_SYMBOL(queue_delayed_work);

bool work_grab_pending(struct work_struct *work, struct delayed_work *dwork)
{
	struct workqueue_struct *wq = work->wq;
	bool was_inactive = work->data & WORK_STRUCT_INACTIVE;

	if (!(work->data & WORK_STRUCT_PENDING))
		return false;
	if (dwork && timer_pending(&dwork->timer)) {
		work->data &= ~WORK_STRUCT_PENDING;
		timer_delete(&dwork->timer);
		list_del_init(&dwork->armed);
		return true;
	}
	/* Armed on a timer the caller did not name (cancel_work() of a
	 * delayed work's item): only the delayed_work calls can take it. */
	if (list_empty(&work->entry))
		return false;
	work->data &= ~(WORK_STRUCT_PENDING | WORK_STRUCT_INACTIVE);
	list_del_init(&work->entry);
	if (!was_inactive) {
		wq->nr_active--;
		wq_activate_next(wq);
	}
	wake_up_all(&wq_flush_waitq);
	return true;
}

bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	uint64_t flags = wq_lock();
	bool was_pending = false;

	if (!(dwork->work.data & WORK_STRUCT_CANCELING)) {
		was_pending = work_grab_pending(&dwork->work, dwork);
		dwork->work.data |= WORK_STRUCT_PENDING;
		__queue_delayed_work(wq, dwork, delay);
	}
	wq_unlock(flags);
	return was_pending;
}
EXPORT_SYMBOL(mod_delayed_work);

struct work_struct *current_work(void)
{
	struct worker *w = worker_of(current);

	return w ? w->current_work : NULL;
}
EXPORT_SYMBOL(current_work);

/* Linux's wq_clamp_max_active(), its warning word for word. */
static int wq_clamp_max_active(int max_active, const char *name)
{
	if (max_active < 1 || max_active > WQ_MAX_ACTIVE)
		pr_warn("workqueue: max_active %d requested for %s is out of range, clamping between %d and %d\n",
			max_active, name, 1, WQ_MAX_ACTIVE);
	return MAX(1, MIN(max_active, WQ_MAX_ACTIVE));
}

/* The pool that serves a queue with @flags. */
static struct worker_pool *wq_pool_for(unsigned int flags)
{
	bool highpri = flags & WQ_HIGHPRI;

	if (flags & WQ_UNBOUND)
		return &worker_pools[highpri ? POOL_UNBOUND_HIGHPRI :
					       POOL_UNBOUND];
	return &worker_pools[highpri ? POOL_CPU_HIGHPRI : POOL_CPU];
}

/*
 * wq_code_owner - the module whose code @addr is in, as kallsyms names it
 * in brackets; "" for the kernel's own.  A module usually allocates its
 * queue from its init function, whose code is freed once it returns, so
 * the unload rule matches the owner, not the address.
 */
void wq_code_owner(uintptr_t addr, char *owner, size_t size)
{
	char sym[KSYM_SYMBOL_LEN];
	char *open, *close;

	sprint_symbol(sym, sizeof(sym), addr);
	open = strrchr(sym, '[');
	close = open ? strchr(open, ']') : NULL;
	if (open && close)
		snprintf(owner, size, "%.*s", (int)(close - open - 1),
			 open + 1);
	else
		owner[0] = '\0';
}

static struct workqueue_struct *wq_alloc(unsigned int flags, int max_active,
					 void *caller, const char *fmt,
					 va_list ap)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	uint64_t irq;

	if (!wq)
		return NULL;
	vsnprintf(wq->name, sizeof(wq->name), fmt, ap);
	wq->flags = flags;
	wq->max_active =
		wq_clamp_max_active(max_active ?: WQ_DFL_ACTIVE, wq->name);
	INIT_LIST_HEAD(&wq->inactive);
	wq->pool = wq_pool_for(flags);
	wq->caller = caller;
	wq_code_owner((uintptr_t)caller, wq->owner, sizeof(wq->owner));
	irq = wq_lock();
	list_add_tail(&wq->list, &wq_all);
	wq_unlock(irq);
	return wq;
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq;
	va_list ap;

	va_start(ap, max_active);
	wq = wq_alloc(flags, max_active, __builtin_return_address(0), fmt, ap);
	va_end(ap);
	return wq;
}
EXPORT_SYMBOL(alloc_workqueue);

/* Linux's system queues: names, flags and max_active as Linux gives them. */
static int __init workqueue_init(void)
{
	system_wq = alloc_workqueue("events", 0, 0);
	system_highpri_wq = alloc_workqueue("events_highpri", WQ_HIGHPRI, 0);
	system_long_wq = alloc_workqueue("events_long", 0, 0);
	system_unbound_wq =
		alloc_workqueue("events_unbound", WQ_UNBOUND, WQ_MAX_ACTIVE);
	if (!system_wq || !system_highpri_wq || !system_long_wq ||
	    !system_unbound_wq)
		panic("workqueue: out of memory for the system workqueues");
	return pool_init();
}
core_initcall(workqueue_init);
