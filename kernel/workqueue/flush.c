/*
 * Waiting for work items and taking them back: flushing waits for what
 * was queued before the call (each queuing has a number, wq_seq, so a
 * work item that queues itself again is not waited for twice), canceling
 * takes an item off its queue or timer, and the queries the module
 * loader asks before it frees a module's code.
 */
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

/* Rounds of drain_workqueue() before it says it is still busy (Linux's). */
#define DRAIN_WARN_ROUNDS 10

/* Lock held: is an instance of @work numbered up to @seq queued or run? */
static bool work_busy_upto(struct work_struct *work, unsigned long seq)
{
	struct worker_pool *pool;
	struct worker *w;

	if (!list_empty(&work->entry) && work->seq <= seq)
		return true;
	for (pool = worker_pools; pool < worker_pools + NR_WORKER_POOLS; pool++)
		list_for_each_entry(w, &pool->workers, node)
			if (w->current_work == work && w->current_seq <= seq)
				return true;
	return false;
}

static bool work_done_upto(struct work_struct *work, unsigned long seq)
{
	uint64_t flags = wq_lock();
	bool busy = work_busy_upto(work, seq);

	wq_unlock(flags);
	return !busy;
}

bool flush_work(struct work_struct *work)
{
	uint64_t flags = wq_lock();
	unsigned long seq = wq_seq;
	bool busy = work_busy_upto(work, seq);

	wq_unlock(flags);
	if (!busy)
		return false;
	if (current_work() == work) {
		wq_warn("workqueue: %ps flushing itself\n", work->func);
		return false;
	}
	wait_event(wq_flush_waitq, work_done_upto(work, seq));
	return true;
}
EXPORT_SYMBOL(flush_work);

bool flush_delayed_work(struct delayed_work *dwork)
{
	uint64_t flags = wq_lock();

	if (timer_delete(&dwork->timer)) {
		list_del_init(&dwork->armed);
		__queue_work(dwork->wq, &dwork->work);
	}
	wq_unlock(flags);
	return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

/* Lock held: has @list an item of @wq numbered up to @seq? */
static bool list_busy_upto(struct list_head *list, struct workqueue_struct *wq,
			   unsigned long seq)
{
	struct work_struct *work;

	list_for_each_entry(work, list, entry)
		if (work->wq == wq && work->seq <= seq)
			return true;
	return false;
}

/* Lock held: is an item of @wq numbered up to @seq queued or running? */
static bool wq_busy_upto(struct workqueue_struct *wq, unsigned long seq)
{
	struct worker *w;

	if (list_busy_upto(&wq->inactive, wq, seq) ||
	    list_busy_upto(&wq->pool->worklist, wq, seq))
		return true;
	list_for_each_entry(w, &wq->pool->workers, node)
		if ((w->current_wq == wq && w->current_seq <= seq) ||
		    list_busy_upto(&w->scheduled, wq, seq))
			return true;
	return false;
}

static bool wq_done_upto(struct workqueue_struct *wq, unsigned long seq)
{
	uint64_t flags = wq_lock();
	bool busy = wq_busy_upto(wq, seq);

	wq_unlock(flags);
	return !busy;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	uint64_t flags = wq_lock();
	unsigned long seq = wq_seq;

	wq_unlock(flags);
	wait_event(wq_flush_waitq, wq_done_upto(wq, seq));
}
EXPORT_SYMBOL(flush_workqueue);

static bool wq_empty(struct workqueue_struct *wq)
{
	uint64_t flags = wq_lock();
	bool empty = !wq->nr_active && list_empty(&wq->inactive);

	wq_unlock(flags);
	return empty;
}

void drain_workqueue(struct workqueue_struct *wq)
{
	unsigned int rounds = 0;
	uint64_t flags = wq_lock();

	wq->draining++;
	wq_unlock(flags);
	for (;;) {
		flush_workqueue(wq);
		if (wq_empty(wq))
			break;
		if (++rounds % DRAIN_WARN_ROUNDS == 0)
			pr_warn("workqueue %s: %s() isn't complete after %u tries\n",
				wq->name, __func__, rounds);
	}
	flags = wq_lock();
	wq->draining--;
	wq_unlock(flags);
}
EXPORT_SYMBOL(drain_workqueue);

/* Lock held: disarm the timers of delayed works still aimed at @wq. */
static void wq_disarm_delayed(struct workqueue_struct *wq)
{
	struct delayed_work *dwork, *next;

	list_for_each_entry_safe(dwork, next, &wq_armed, armed) {
		if (dwork->wq != wq)
			continue;
		pr_err("destroy_workqueue: %s: delayed work %ps still armed, disarmed\n",
		       wq->name, dwork->work.func);
		work_grab_pending(&dwork->work, dwork);
	}
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	uint64_t flags;

	drain_workqueue(wq);
	flags = wq_lock();
	wq_disarm_delayed(wq);
	list_del(&wq->list);
	wq_unlock(flags);
	kfree(wq);
}
EXPORT_SYMBOL(destroy_workqueue);

static bool __cancel_work(struct work_struct *work, struct delayed_work *dwork)
{
	uint64_t flags = wq_lock();
	bool was_pending = work_grab_pending(work, dwork);

	wq_unlock(flags);
	return was_pending;
}

/*
 * Take @work back and wait for a running instance; CANCELING meanwhile
 * makes every queue_*() of it fail, so an item that queues itself again
 * (or re-arms its delayed work) cannot slip back in.
 */
static bool __cancel_work_sync(struct work_struct *work,
			       struct delayed_work *dwork)
{
	uint64_t flags = wq_lock();
	bool was_pending;

	work->data |= WORK_STRUCT_CANCELING;
	was_pending = work_grab_pending(work, dwork);
	wq_unlock(flags);
	flush_work(work);
	flags = wq_lock();
	work->data &= ~WORK_STRUCT_CANCELING;
	wq_unlock(flags);
	return was_pending;
}

bool cancel_work(struct work_struct *work)
{
	return __cancel_work(work, NULL);
}
EXPORT_SYMBOL(cancel_work);

bool cancel_work_sync(struct work_struct *work)
{
	return __cancel_work_sync(work, NULL);
}
EXPORT_SYMBOL(cancel_work_sync);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return __cancel_work(&dwork->work, dwork);
}
EXPORT_SYMBOL(cancel_delayed_work);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	return __cancel_work_sync(&dwork->work, dwork);
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

/* ---- The module loader's queries ---- */

static bool in_range(const void *p, uintptr_t start, uintptr_t end)
{
	return (uintptr_t)p >= start && (uintptr_t)p < end;
}

/* Lock held: the first item on @list whose function is in the range. */
static work_func_t list_find_func(struct list_head *list, uintptr_t start,
				  uintptr_t end)
{
	struct work_struct *work;

	list_for_each_entry(work, list, entry)
		if (in_range(work->func, start, end))
			return work->func;
	return NULL;
}

/* Lock held: a running item, or one queued on a worker or a pool. */
static work_func_t pool_find_func(struct worker_pool *pool, uintptr_t start,
				  uintptr_t end, const char **state)
{
	work_func_t fn = list_find_func(&pool->worklist, start, end);
	struct worker *w;

	*state = "queued";
	list_for_each_entry(w, &pool->workers, node) {
		if (!fn && in_range(w->current_func, start, end)) {
			*state = "running";
			return w->current_func;
		}
		fn = fn ?: list_find_func(&w->scheduled, start, end);
	}
	return fn;
}

work_func_t work_find_in_code(uintptr_t start, uintptr_t end,
			      const char **state)
{
	uint64_t flags = wq_lock();
	struct workqueue_struct *wq;
	struct delayed_work *dwork;
	work_func_t fn = NULL;

	for (int i = 0; i < NR_WORKER_POOLS && !fn; i++)
		fn = pool_find_func(&worker_pools[i], start, end, state);
	list_for_each_entry(wq, &wq_all, list) {
		if (fn)
			break;
		fn = list_find_func(&wq->inactive, start, end);
		*state = "queued";
	}
	list_for_each_entry(dwork, &wq_armed, armed) {
		if (fn)
			break;
		if (in_range(dwork->work.func, start, end)) {
			fn = dwork->work.func;
			*state = "delayed";
		}
	}
	wq_unlock(flags);
	return fn;
}

bool workqueue_find_allocated_by(uintptr_t start, uintptr_t end, char *name,
				 size_t size)
{
	struct workqueue_struct *wq;
	bool found = false;
	char owner[sizeof(wq->owner)];
	uint64_t flags;

	wq_code_owner(start, owner, sizeof(owner));
	flags = wq_lock();
	list_for_each_entry(wq, &wq_all, list)
		if (owner[0] && !strcmp(wq->owner, owner)) {
			strlcpy(name, wq->name, size);
			found = true;
			break;
		}
	wq_unlock(flags);
	return found;
}
