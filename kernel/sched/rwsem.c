/*
 * Reader-writer semaphores, as Linux's kernel/locking/rwsem.c offers them:
 * readers share, a writer is alone.  A request is granted at once only if
 * nobody waits; otherwise it queues, and each release hands the semaphore
 * to the head of the queue -- one writer, or all readers up to the next
 * writer -- who wake holding it.  So a waiting writer is never overtaken.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/panic.h>
#include <kernel/rwsem.h>
#include <kernel/x86.h>
#include "internal.h"

/* A task asleep on an rw_semaphore; it lives on the waiter's stack. */
struct rwsem_waiter {
	struct list_head list;
	struct task_struct *task;
	bool write;
	bool granted; /* woken holding the semaphore */
};

void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key)
{
	sem->readers = 0;
	sem->writer = NULL;
	INIT_LIST_HEAD(&sem->wait_list);
	lockdep_init_map(&sem->dep_map, name, key, LD_WAIT_SLEEP);
}
EXPORT_SYMBOL(__init_rwsem);

/* Can @write (or a reader) hold @sem now, given what holds it? */
static bool rwsem_free_for(const struct rw_semaphore *sem, bool write)
{
	return !sem->writer && (!write || !sem->readers);
}

static void rwsem_grant(struct rw_semaphore *sem, struct task_struct *t,
			bool write)
{
	if (write)
		sem->writer = t;
	else
		sem->readers++;
}

/* Hand @sem to the waiters at the head of the queue that can hold it. */
static void rwsem_wake(struct rw_semaphore *sem)
{
	struct rwsem_waiter *w, *tmp;

	list_for_each_entry_safe(w, tmp, &sem->wait_list, list) {
		if (!rwsem_free_for(sem, w->write))
			break;
		rwsem_grant(sem, w->task, w->write);
		list_del(&w->list);
		w->granted = true;
		wake_up_process(w->task);
		if (w->write)
			break;
	}
}

/* Take @sem to read or @write, sleeping in @state: 0, or -EINTR.  lockdep
 * hears of it first, at @ip, and again if a signal ends the wait. */
static int rwsem_down(struct rw_semaphore *sem, bool write, unsigned int state,
		      uintptr_t ip)
{
	uint64_t irq;
	struct rwsem_waiter waiter = { .task = current, .write = write };
	int ret = 0;

	lockdep_acquire(&sem->dep_map, 0, 0, !write, ip);
	irq = irq_save();
	if (list_empty(&sem->wait_list) && rwsem_free_for(sem, write)) {
		rwsem_grant(sem, current, write);
		irq_restore(irq);
		return 0;
	}
	list_add_tail(&waiter.list, &sem->wait_list);
	for (;;) {
		set_current_state(state);
		if (waiter.granted)
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			/* Readers queued behind a writer that gave up may go. */
			rwsem_wake(sem);
			ret = -EINTR;
			break;
		}
		schedule();
	}
	set_current_state(TASK_RUNNING);
	irq_restore(irq);
	if (ret)
		lockdep_release(&sem->dep_map, ip);
	return ret;
}

#define RET_IP ((uintptr_t)__builtin_return_address(0))

void down_read(struct rw_semaphore *sem)
{
	might_sleep();
	rwsem_down(sem, false, TASK_UNINTERRUPTIBLE, RET_IP);
}
EXPORT_SYMBOL(down_read);

int down_read_interruptible(struct rw_semaphore *sem)
{
	might_sleep();
	return rwsem_down(sem, false, TASK_INTERRUPTIBLE, RET_IP);
}
EXPORT_SYMBOL(down_read_interruptible);

int down_read_killable(struct rw_semaphore *sem)
{
	might_sleep();
	return rwsem_down(sem, false, TASK_KILLABLE, RET_IP);
}
EXPORT_SYMBOL(down_read_killable);

void down_write(struct rw_semaphore *sem)
{
	might_sleep();
	rwsem_down(sem, true, TASK_UNINTERRUPTIBLE, RET_IP);
}
EXPORT_SYMBOL(down_write);

int down_write_killable(struct rw_semaphore *sem)
{
	might_sleep();
	return rwsem_down(sem, true, TASK_KILLABLE, RET_IP);
}
EXPORT_SYMBOL(down_write_killable);

static int rwsem_trylock(struct rw_semaphore *sem, bool write, uintptr_t ip)
{
	uint64_t irq = irq_save();
	bool ok = list_empty(&sem->wait_list) && rwsem_free_for(sem, write);

	if (ok)
		rwsem_grant(sem, current, write);
	irq_restore(irq);
	if (ok)
		lockdep_acquire(&sem->dep_map, 0, 1, !write, ip);
	return ok;
}

int down_read_trylock(struct rw_semaphore *sem)
{
	return rwsem_trylock(sem, false, RET_IP);
}
EXPORT_SYMBOL(down_read_trylock);

int down_write_trylock(struct rw_semaphore *sem)
{
	return rwsem_trylock(sem, true, RET_IP);
}
EXPORT_SYMBOL(down_write_trylock);

/* Leaving a semaphore one does not hold: say who and where, go on. */
static void rwsem_misuse(const struct rw_semaphore *sem, const char *what,
			 uintptr_t ip)
{
	pr_warn("WARNING: rwsem %p: %s at %pS by %s[%d] (%d readers, writer %s); ignored\n",
		sem, what, (void *)ip, current->comm, current->pid,
		sem->readers, sem->writer ? sem->writer->comm : "none");
	dump_stack();
}

void up_read(struct rw_semaphore *sem)
{
	uint64_t irq;
	bool held;

	lockdep_release(&sem->dep_map, RET_IP);
	irq = irq_save();
	held = sem->readers > 0;
	if (held && --sem->readers == 0)
		rwsem_wake(sem);
	irq_restore(irq);
	if (!held)
		rwsem_misuse(sem, "up_read() without a reader",
			     (uintptr_t)__builtin_return_address(0));
}
EXPORT_SYMBOL(up_read);

/* Leave a write hold, keeping a read one if @downgrade. */
static void rwsem_write_release(struct rw_semaphore *sem, bool downgrade,
				const char *what, uintptr_t ip)
{
	uint64_t irq = irq_save();
	bool held = sem->writer == current;

	if (held) {
		sem->writer = NULL;
		sem->readers = downgrade;
		rwsem_wake(sem);
	}
	irq_restore(irq);
	if (!held)
		rwsem_misuse(sem, what, ip);
}

void up_write(struct rw_semaphore *sem)
{
	lockdep_release(&sem->dep_map, RET_IP);
	rwsem_write_release(sem, false, "up_write() by a task not writing",
			    (uintptr_t)__builtin_return_address(0));
}
EXPORT_SYMBOL(up_write);

void downgrade_write(struct rw_semaphore *sem)
{
	rwsem_write_release(sem, true,
			    "downgrade_write() by a task not writing",
			    (uintptr_t)__builtin_return_address(0));
}
EXPORT_SYMBOL(downgrade_write);
