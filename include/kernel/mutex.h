/*
 * Sleeping mutexes: an owner task and the tasks sleeping until it is
 * theirs, handed the mutex in the order they came (strict FIFO, which
 * keeps contention deterministic).  Locking one's own mutex again and
 * unlocking another's are reported.  Not for interrupt handlers.
 */
#ifndef KERNEL_MUTEX_H
#define KERNEL_MUTEX_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/types.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;  /* NULL when free */
	struct list_head wait_list; /* of mutex_waiter, oldest first */
	const char *name;	    /* the variable's name, for reports */
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#ifdef CONFIG_LOCKDEP
#define MUTEX_DEP_MAP_INIT(lockname) \
	, .dep_map = LOCKDEP_MAP_INIT(#lockname, NULL, LD_WAIT_SLEEP)
#else
#define MUTEX_DEP_MAP_INIT(lockname)
#endif

#define MUTEX_INITIALIZER(lockname)                                \
	{                                                          \
		.owner = NULL,                                     \
		.wait_list = LIST_HEAD_INIT((lockname).wait_list), \
		.name = #lockname MUTEX_DEP_MAP_INIT(lockname)     \
	}

/*
 * mutex_init_named - a free mutex called @name in reports; with lockdep,
 * each call site is a class of its own (its @key), as Linux's
 * mutex_init().  mutex_init_key - the same with the class given.
 */
void mutex_init_key(struct mutex *lock, const char *name,
		    struct lock_class_key *key);
#ifdef CONFIG_LOCKDEP
#define mutex_init_named(lock, name)                \
	do {                                        \
		static struct lock_class_key __key; \
		mutex_init_key(lock, name, &__key); \
	} while (0)
#else
#define mutex_init_named(lock, name) mutex_init_key(lock, name, NULL)
#endif

/*
 * mutex_lock_at - take @lock, sleeping in @state (TASK_UNINTERRUPTIBLE,
 * TASK_INTERRUPTIBLE or TASK_KILLABLE) until it is handed over; @ip is
 * the caller, for reports.  0, or -EINTR if a signal ended the sleep
 * first (an interruptible or killable @state only).  Locking a mutex
 * current owns is a deadlock: reported, and the machine stops.  Sleeps.
 */
int mutex_lock_at(struct mutex *lock, unsigned int state, uintptr_t ip);

/* mutex_lock_nested_at - the same, for lockdep a second mutex of the same
 * class taken inside the first, as @subclass (Linux's mutex_lock_nested()). */
int mutex_lock_nested_at(struct mutex *lock, unsigned int subclass,
			 unsigned int state, uintptr_t ip);

/*
 * mutex_unlock_at - give @lock back (to its first waiter, who wakes
 * owning it).  Unlocking a mutex current does not own is reported with a
 * backtrace and ignored.  Does not sleep.
 */
void mutex_unlock_at(struct mutex *lock, uintptr_t ip);

/* mutex_destroy - @lock is no longer used; one still held is reported. */
void mutex_destroy(struct mutex *lock);

/* mutex_trylock - take @lock if free: 1, else 0 (Linux's int). */
int mutex_trylock(struct mutex *lock);

static inline bool mutex_is_locked(const struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != NULL;
}

/* mutex_owner - the task holding @lock, or NULL. */
static inline struct task_struct *mutex_owner(const struct mutex *lock)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED);
}

#endif
