/*
 * Sleeping mutexes, as Linux's kernel/locking/mutex.c offers them: an
 * owner and a FIFO of waiters.  mutex_unlock() hands the mutex straight to
 * the first waiter, so a task that wakes already owns it and the order
 * of waiters is the order of owners.  Interrupts are off while the owner
 * and the list change: the wait list is also read from other tasks.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/x86.h>
#include "internal.h"

/*
 * lockdep is told the caller of the exported function: the @ip callers
 * pass is _THIS_IP_, which GCC may leave at the start of their function.
 */
#define RET_IP ((uintptr_t)__builtin_return_address(0))

/* A task asleep on a mutex; it lives on the waiter's stack. */
struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
};

static const char *mutex_name(const struct mutex *lock)
{
	return lock->name ? lock->name : "?";
}

void mutex_init_key(struct mutex *lock, const char *name,
		    struct lock_class_key *key)
{
	lock->owner = NULL;
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
	lockdep_init_map(&lock->dep_map, name, key, LD_WAIT_SLEEP);
}
EXPORT_SYMBOL(mutex_init_key);

void mutex_destroy(struct mutex *lock)
{
	if (mutex_is_locked(lock)) {
		pr_warn("WARNING: mutex %s destroyed while held by %s[%d]\n",
			mutex_name(lock), lock->owner->comm, lock->owner->pid);
		dump_stack();
	}
}
EXPORT_SYMBOL(mutex_destroy);

int mutex_trylock(struct mutex *lock)
{
	uint64_t irq = irq_save();
	bool free = !lock->owner;

	if (free)
		lock->owner = current;
	irq_restore(irq);
	if (free)
		lockdep_acquire(&lock->dep_map, 0, 1, 0, RET_IP);
	return free;
}
EXPORT_SYMBOL(mutex_trylock);

/* Sleep on @lock until it is handed to current: 0, or -EINTR. */
static int mutex_wait(struct mutex *lock, unsigned int state)
{
	struct mutex_waiter waiter = { .task = current };

	list_add_tail(&waiter.list, &lock->wait_list);
	for (;;) {
		set_current_state(state);
		if (lock->owner == current)
			break;
		if (signal_pending_state(state, current)) {
			list_del(&waiter.list);
			set_current_state(TASK_RUNNING);
			return -EINTR;
		}
		schedule();
	}
	set_current_state(TASK_RUNNING);
	return 0;
}

/* Both entry points, inlined into each so mutex_lock_at() costs no call. */
static inline __attribute__((always_inline)) int
mutex_lock_common(struct mutex *lock, unsigned int subclass, unsigned int state,
		  uintptr_t ip)
{
	uint64_t irq;
	int ret = 0;

	might_sleep();
	/* Before the owner check: lockdep's report says more than the panic. */
	lockdep_acquire(&lock->dep_map, subclass, 0, 0, RET_IP);
	irq = irq_save();
	if (!lock->owner)
		lock->owner = current;
	else if (lock->owner == current)
		panic("BUG: mutex %s locked again at %pS: deadlock, %s[%d] already holds it",
		      mutex_name(lock), (void *)ip, current->comm,
		      current->pid);
	else
		ret = mutex_wait(lock, state);
	irq_restore(irq);
	if (ret)
		lockdep_release(&lock->dep_map, RET_IP);
	return ret;
}

int mutex_lock_nested_at(struct mutex *lock, unsigned int subclass,
			 unsigned int state, uintptr_t ip)
{
	return mutex_lock_common(lock, subclass, state, ip);
}
EXPORT_SYMBOL(mutex_lock_nested_at);

int mutex_lock_at(struct mutex *lock, unsigned int state, uintptr_t ip)
{
	return mutex_lock_common(lock, 0, state, ip);
}
EXPORT_SYMBOL(mutex_lock_at);

/* excerpt: mutex-unlock */
void mutex_unlock_at(struct mutex *lock, uintptr_t ip)
{
	uint64_t irq;
	struct task_struct *owner;
	struct mutex_waiter *next;

	lockdep_release(&lock->dep_map, RET_IP);
	irq = irq_save();
	owner = lock->owner;
	if (owner != current) {
		irq_restore(irq);
		if (!owner)
			pr_warn("WARNING: mutex %s unlocked at %pS but not locked; ignored\n",
				mutex_name(lock), (void *)ip);
		else
			pr_warn("WARNING: mutex %s unlocked at %pS by %s[%d], but %s[%d] holds it; ignored\n",
				mutex_name(lock), (void *)ip, current->comm,
				current->pid, owner->comm, owner->pid);
		dump_stack();
		return;
	}
	next = list_first_entry_or_null(&lock->wait_list, struct mutex_waiter,
					list);
	lock->owner = next ? next->task : NULL;
	if (next) {
		list_del(&next->list);
		wake_up_process(next->task);
	}
	irq_restore(irq);
}
EXPORT_SYMBOL(mutex_unlock_at);
/* excerpt-end: mutex-unlock */
