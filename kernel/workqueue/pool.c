/*
 * The kworker threads and their pools, as Linux runs them: a pool keeps an
 * idle worker ready, a worker that finds none left makes one (the manager
 * role: making a thread sleeps, so queue_work() never does it), a worker
 * that sleeps in an item lets another run the rest, and surplus idle
 * workers are retired after IDLE_WORKER_TIMEOUT.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

struct worker_pool worker_pools[NR_WORKER_POOLS];
struct spinlock wq_pool_lock;
LIST_HEAD(wq_all);
LIST_HEAD(wq_armed);
struct wait_queue_head wq_flush_waitq =
	WAIT_QUEUE_HEAD_INITIALIZER(wq_flush_waitq);
unsigned long wq_seq;

/* Linux's tests of a pool's state (kernel/workqueue.c); lock held. */
static bool need_more_worker(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && !pool->nr_running;
}

static bool may_start_working(struct worker_pool *pool)
{
	return pool->nr_idle > 0;
}

static bool keep_working(struct worker_pool *pool)
{
	return !list_empty(&pool->worklist) && pool->nr_running <= 1;
}

static bool too_many_workers(struct worker_pool *pool)
{
	int nr_idle = pool->nr_idle + pool->manager_active;
	int nr_busy = pool->nr_workers - nr_idle;

	return nr_idle > MIN_IDLE_WORKERS &&
	       (nr_idle - MIN_IDLE_WORKERS) * MAX_IDLE_WORKERS_RATIO >= nr_busy;
}

void pool_kick(struct worker_pool *pool)
{
	struct worker *w;

	if (!need_more_worker(pool) || list_empty(&pool->idle_list))
		return;
	w = list_first_entry(&pool->idle_list, struct worker, idle);
	wake_up_process(w->task);
}

void wq_activate_next(struct workqueue_struct *wq)
{
	struct work_struct *work;

	if (list_empty(&wq->inactive) || wq->nr_active >= wq->max_active)
		return;
	work = list_first_entry(&wq->inactive, struct work_struct, entry);
	work->data &= ~WORK_STRUCT_INACTIVE;
	wq->nr_active++;
	list_move_tail(&work->entry, &wq->pool->worklist);
	pool_kick(wq->pool);
}

void pool_work_done(struct workqueue_struct *wq)
{
	wq->nr_active--;
	wq_activate_next(wq);
	wake_up_all(&wq_flush_waitq);
}

/* Counted in nr_running or not, as @flags change; lock held. */
static void worker_set_flags(struct worker *w, unsigned int flags)
{
	if (!(w->flags & WORKER_NOT_RUNNING) && (flags & WORKER_NOT_RUNNING))
		w->pool->nr_running--;
	w->flags |= flags;
}

static void worker_clr_flags(struct worker *w, unsigned int flags)
{
	unsigned int old = w->flags;

	w->flags &= ~flags;
	if ((old & WORKER_NOT_RUNNING) && !(w->flags & WORKER_NOT_RUNNING))
		w->pool->nr_running++;
}

static void worker_enter_idle(struct worker *w)
{
	struct worker_pool *pool = w->pool;

	worker_set_flags(w, WORKER_IDLE);
	pool->nr_idle++;
	w->last_active = jiffies;
	list_add(&w->idle, &pool->idle_list);
	if (too_many_workers(pool) && !timer_pending(&pool->idle_timer))
		mod_timer(&pool->idle_timer, jiffies + IDLE_WORKER_TIMEOUT);
}

static void worker_leave_idle(struct worker *w)
{
	if (!(w->flags & WORKER_IDLE))
		return;
	worker_clr_flags(w, WORKER_IDLE);
	w->pool->nr_idle--;
	list_del_init(&w->idle);
}

/* Retire idle @w: its thread wakes, sees WORKER_DIE and ends. */
static void destroy_worker(struct worker *w)
{
	struct worker_pool *pool = w->pool;

	pool->nr_workers--;
	pool->nr_idle--;
	list_del_init(&w->idle);
	list_del_init(&w->node);
	pool->ids[w->id / 64] &= ~(1ul << (w->id % 64));
	w->flags |= WORKER_DIE;
	wake_up_process(w->task);
}

void pool_cull_idle(struct worker_pool *pool, bool now_too)
{
	uint64_t flags = wq_lock();

	while (too_many_workers(pool)) {
		struct worker *w =
			list_last_entry(&pool->idle_list, struct worker, idle);
		unsigned long expires = w->last_active + IDLE_WORKER_TIMEOUT;

		if (!now_too && (long)(jiffies - expires) < 0) {
			mod_timer(&pool->idle_timer, expires);
			break;
		}
		destroy_worker(w);
	}
	pool_kick(pool); /* in case it retired the worker just woken */
	wq_unlock(flags);
}

static void idle_worker_timeout(struct timer_list *timer)
{
	pool_cull_idle(container_of(timer, struct worker_pool, idle_timer),
		       false);
}

/* The lowest free worker id of @pool, taken; -ENOSPC if none.  Lock held. */
static int worker_id_get(struct worker_pool *pool)
{
	for (int id = 0; id < WORKER_ID_MAX; id++)
		if (!(pool->ids[id / 64] & (1ul << (id % 64)))) {
			pool->ids[id / 64] |= 1ul << (id % 64);
			return id;
		}
	return -ENOSPC;
}

static int worker_thread(void *data);

/* Linux's names: kworker/0:N, kworker/0:NH (nice -20), kworker/uP:N. */
static struct task_struct *worker_task_create(struct worker *w)
{
	struct worker_pool *pool = w->pool;

	if (pool->unbound)
		return kthread_create_task(worker_thread, w, "kworker/u%d:%d",
					   pool->id, w->id);
	return kthread_create_task(worker_thread, w, "kworker/0:%d%s", w->id,
				   pool->nice < 0 ? "H" : "");
}

/* A new worker for @pool, idle and woken; 0 or -ENOMEM/-ENOSPC.  Sleeps. */
static int create_worker(struct worker_pool *pool)
{
	struct worker *w = kzalloc(sizeof(*w), GFP_KERNEL);
	uint64_t flags;

	if (!w)
		return -ENOMEM;
	w->pool = pool;
	INIT_LIST_HEAD(&w->idle);
	INIT_LIST_HEAD(&w->scheduled);
	flags = wq_lock();
	w->id = worker_id_get(pool);
	wq_unlock(flags);
	if (w->id < 0) {
		kfree(w);
		return -ENOSPC;
	}
	w->task = worker_task_create(w);
	flags = wq_lock();
	if (!w->task) {
		pool->ids[w->id / 64] &= ~(1ul << (w->id % 64));
		wq_unlock(flags);
		kfree(w);
		return -ENOMEM;
	}
	w->task->flags |= PF_WQ_WORKER;
	set_user_nice(w->task, pool->nice);
	w->flags = WORKER_PREP | (pool->unbound ? WORKER_UNBOUND : 0);
	list_add_tail(&w->node, &pool->workers);
	pool->nr_workers++;
	worker_enter_idle(w);
	wake_up_process(w->task);
	wq_unlock(flags);
	return 0;
}

/*
 * The manager role: with the lock held, make workers until one is idle,
 * so the pool never runs out of a worker to wake.  True if it dropped the
 * lock (the caller checks the pool again), false if another manages.
 */
static bool manage_workers(struct worker *w, uint64_t *flags)
{
	struct worker_pool *pool = w->pool;
	int err = 0;

	if (pool->manager_active)
		return false;
	pool->manager_active = true;
	while (!err && need_more_worker(pool) && !may_start_working(pool)) {
		wq_unlock(*flags);
		err = create_worker(pool);
		*flags = wq_lock();
	}
	pool->manager_active = false;
	if (err)
		pr_err("workqueue: pool %d: cannot create a worker (%d): %s runs the items alone\n",
		       pool->id, err, w->task->comm);
	return !err;
}

/*
 * Run @work, taken from the worklist, with the lock dropped meanwhile.  A
 * work item never runs on two workers at once (Linux's non-reentrancy):
 * if another worker of the pool runs it now, it is handed to that one,
 * which runs it next.
 */
static void process_work(struct worker *w, struct work_struct *work,
			 uint64_t *flags)
{
	struct worker_pool *pool = w->pool;
	struct workqueue_struct *wq = work->wq;
	struct worker *other;

	list_for_each_entry(other, &pool->workers, node)
		if (other != w && other->current_work == work &&
		    other->current_func == work->func) {
			list_move_tail(&work->entry, &other->scheduled);
			return;
		}
	list_del_init(&work->entry);
	work->data &= ~(WORK_STRUCT_PENDING | WORK_STRUCT_INACTIVE);
	w->current_work = work;
	w->current_func = work->func;
	w->current_wq = wq;
	w->current_seq = work->seq;
	pool_kick(pool); /* a per-CPU pool's next item waits for a sleep */
	wq_unlock(*flags);
	w->current_func(work); /* it may free @work */
	*flags = wq_lock();
	w->current_work = NULL;
	w->current_func = NULL;
	w->current_wq = NULL;
	pool_work_done(wq);
}

/* Each kworker's body: Linux's worker_thread(), one pool's items. */
static int worker_thread(void *data)
{
	struct worker *w = data;
	struct worker_pool *pool = w->pool;
	uint64_t flags;

	for (;;) {
		flags = wq_lock();
		if (w->flags & WORKER_DIE)
			break;
		worker_leave_idle(w);
		while (need_more_worker(pool)) {
			if (!may_start_working(pool) &&
			    manage_workers(w, &flags))
				continue;
			worker_clr_flags(w, WORKER_PREP);
			do {
				process_work(w,
					     list_first_entry(&pool->worklist,
							      struct work_struct,
							      entry),
					     &flags);
				while (!list_empty(&w->scheduled))
					process_work(w,
						     list_first_entry(&w->scheduled,
								      struct work_struct,
								      entry),
						     &flags);
			} while (keep_working(pool));
			worker_set_flags(w, WORKER_PREP);
			break;
		}
		worker_enter_idle(w);
		set_current_state(TASK_IDLE);
		wq_unlock(flags);
		schedule();
	}
	wq_unlock(flags);
	/* The scheduler must not call the hooks for a freed worker. */
	current->flags &= ~PF_WQ_WORKER;
	kfree(w);
	return 0;
}

/* excerpt: worker-sleeping */
/* The scheduler's hooks (Linux's wq_worker_sleeping/running). */
static void worker_sleeping(struct task_struct *t)
{
	struct worker *w = worker_of(t);
	uint64_t flags;

	if (w->flags & WORKER_NOT_RUNNING)
		return;
	flags = wq_lock();
	w->sleeping = true;
	w->pool->nr_running--;
	pool_kick(w->pool);
	wq_unlock(flags);
}
/* excerpt-end: worker-sleeping */

static void worker_running(struct task_struct *t)
{
	struct worker *w = worker_of(t);
	uint64_t flags;

	if (!w->sleeping)
		return;
	flags = wq_lock();
	w->sleeping = false;
	if (!(w->flags & WORKER_NOT_RUNNING))
		w->pool->nr_running++;
	wq_unlock(flags);
}

static const struct sched_worker_ops worker_sched_ops = {
	.sleeping = worker_sleeping,
	.running = worker_running,
};

/* A pool's first worker, made by a worker of the per-CPU pool. */
static void pool_create_first(struct work_struct *work)
{
	struct worker_pool *pool =
		container_of(work, struct worker_pool, create_work);
	int err = create_worker(pool);
	uint64_t flags;

	if (!err)
		return;
	pr_err("workqueue: pool %d: cannot create its first worker (%d)\n",
	       pool->id, err);
	flags = wq_lock();
	pool->first_requested = false; /* the next queue_work() asks again */
	wq_unlock(flags);
}

int __init pool_init(void)
{
	for (int i = 0; i < NR_WORKER_POOLS; i++) {
		struct worker_pool *pool = &worker_pools[i];

		pool->id = i;
		pool->unbound = i >= POOL_UNBOUND;
		pool->nice =
			(i == POOL_CPU_HIGHPRI || i == POOL_UNBOUND_HIGHPRI) ?
				MIN_NICE :
				0;
		INIT_LIST_HEAD(&pool->worklist);
		INIT_LIST_HEAD(&pool->workers);
		INIT_LIST_HEAD(&pool->idle_list);
		timer_init(&pool->idle_timer, idle_worker_timeout, 0);
		work_init(&pool->create_work, pool_create_first);
	}
	sched_worker_ops_register(&worker_sched_ops);
	worker_pools[POOL_CPU].first_requested = true;
	return create_worker(&worker_pools[POOL_CPU]);
}
