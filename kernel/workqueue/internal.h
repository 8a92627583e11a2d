/*
 * What the workqueue's files share: the pools of kworker threads, the
 * workers, the queues, and the one lock over all of them.  On one CPU a
 * single lock, taken with interrupts off (queue_work() may come from an
 * interrupt handler), is all the pools need.
 */
#ifndef KERNEL_WORKQUEUE_INTERNAL_H
#define KERNEL_WORKQUEUE_INTERNAL_H

#include <kernel/panic.h>
#include <kernel/sched.h>
#include <kernel/spinlock.h>
#include <kernel/workqueue.h>

/* Linux's: how long a surplus idle worker lives, and how many stay. */
#define IDLE_WORKER_TIMEOUT (300 * HZ)
#define MIN_IDLE_WORKERS 2
#define MAX_IDLE_WORKERS_RATIO 4
#define WORKER_ID_MAX 256
#define NR_WORKER_POOLS 4

/* The pools, numbered as Linux numbers CPU 0's and the first unbound. */
enum { POOL_CPU, POOL_CPU_HIGHPRI, POOL_UNBOUND, POOL_UNBOUND_HIGHPRI };

/*
 * A set of workers serving one worklist.  The per-CPU pools are
 * concurrency-managed: nr_running counts their workers that run and do
 * not sleep, and another worker is woken only when it falls to 0.
 */
struct worker_pool {
	int id;
	int nice;     /* 0, or -20 for a high-priority pool */
	bool unbound; /* no concurrency management: a worker per item */
	struct list_head worklist;  /* queued items, oldest first */
	struct list_head workers;   /* every worker of the pool */
	struct list_head idle_list; /* idle workers, latest idle first */
	int nr_workers;
	int nr_idle;
	int nr_running;
	bool manager_active;  /* a worker is creating workers */
	bool first_requested; /* its first worker is being made */
	unsigned long ids[WORKER_ID_MAX / 64];
	struct timer_list idle_timer;	/* retires surplus idle workers */
	struct work_struct create_work; /* makes the first worker */
};

/* worker.flags: Linux's names.  Any of WORKER_NOT_RUNNING keeps a worker
 * out of nr_running. */
#define WORKER_DIE (1u << 1)
#define WORKER_IDLE (1u << 2)
#define WORKER_PREP (1u << 3)
#define WORKER_UNBOUND (1u << 7)
#define WORKER_NOT_RUNNING \
	(WORKER_DIE | WORKER_IDLE | WORKER_PREP | WORKER_UNBOUND)

struct worker {
	struct task_struct *task; /* its thread; task->data is the worker */
	struct worker_pool *pool;
	int id;
	unsigned int flags;
	bool sleeping;		    /* asleep inside a work item */
	struct list_head node;	    /* in pool->workers */
	struct list_head idle;	    /* in pool->idle_list while idle */
	struct list_head scheduled; /* items handed to it: see process_work */
	unsigned long last_active;  /* jiffies when it last went idle */
	struct work_struct *current_work;
	work_func_t current_func;
	struct workqueue_struct *current_wq;
	unsigned long current_seq;
};

struct workqueue_struct {
	char name[WQ_NAME_LEN];
	unsigned int flags;
	int max_active;
	int nr_active;		   /* on the worklist or running */
	struct list_head inactive; /* beyond max_active, oldest first */
	struct worker_pool *pool;
	struct list_head list; /* in wq_all */
	void *caller;	       /* who allocated it */
	char owner[64];	       /* the module that did, "" for the kernel */
	int draining;
};

extern struct worker_pool worker_pools[NR_WORKER_POOLS];
extern struct list_head wq_all;	  /* every workqueue */
extern struct list_head wq_armed; /* delayed works whose timer is armed */
extern struct wait_queue_head wq_flush_waitq; /* woken as items finish */
extern unsigned long wq_seq;		      /* the last queuing's number */
extern struct spinlock wq_pool_lock;

/* wq_warn - Linux's WARN() report: a misuse the caller then refuses. */
#define wq_warn(fmt, ...) \
	warn_slowpath(__FILE__, __LINE__, _THIS_IP_, fmt, ##__VA_ARGS__)

/* wq_lock / wq_unlock - take and release the pools' lock, interrupts off
 * meanwhile. */
static inline uint64_t wq_lock(void)
{
	uint64_t flags = irq_save();

	spinlock_lock(&wq_pool_lock);
	return flags;
}

static inline void wq_unlock(uint64_t flags)
{
	spinlock_release(&wq_pool_lock);
	irq_restore(flags);
	preempt_enable();
}

/* worker_of - the worker @t is, or NULL (not a kworker). */
static inline struct worker *worker_of(struct task_struct *t)
{
	return (t->flags & PF_WQ_WORKER) ? t->data : NULL;
}

/* pool.c: with the lock held.  pool_kick - wake an idle worker if the
 * pool needs one to run.  wq_activate_next - move @wq's oldest held-back
 * item to its pool if max_active lets it run.  pool_work_done - @wq's
 * item finished: the next may run, flushers look again. */
void pool_kick(struct worker_pool *pool);
void wq_activate_next(struct workqueue_struct *wq);
void pool_work_done(struct workqueue_struct *wq);
/* pool_init - set up the pools and create the first worker of the per-CPU
 * pool; the others get theirs when first used.  __init, sleeps. */
int pool_init(void);
/* pool_cull_idle - retire idle workers beyond MIN_IDLE_WORKERS that have
 * been idle IDLE_WORKER_TIMEOUT (@now_too: those idle for less as well,
 * the tests' shortcut).  Any context. */
void pool_cull_idle(struct worker_pool *pool, bool now_too);

/* queue.c: with the lock held.  __queue_work - put @work, its PENDING bit
 * set, on @wq.  work_grab_pending - take @work off its queue or timer
 * (@dwork: its delayed_work, or NULL): true if it was pending.
 * wq_code_owner - the module @addr's code belongs to (below). */
void __queue_work(struct workqueue_struct *wq, struct work_struct *work);
void wq_code_owner(uintptr_t addr, char *owner, size_t size);
bool work_grab_pending(struct work_struct *work, struct delayed_work *dwork);

#endif
