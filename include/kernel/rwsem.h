/*
 * Reader-writer semaphores: sleeping locks held by many readers or one
 * writer.  Waiters queue in arrival order, and once a writer waits, new
 * readers queue behind it (Linux's rule), so a stream of readers cannot
 * starve a writer.  Not for interrupt handlers.
 */
#ifndef KERNEL_RWSEM_H
#define KERNEL_RWSEM_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/types.h>

struct task_struct;

struct rw_semaphore {
	int readers;		    /* holding it to read */
	struct task_struct *writer; /* holding it to write, or NULL */
	struct list_head wait_list; /* of rwsem_waiter, oldest first */
#ifdef CONFIG_LOCKDEP
	struct lockdep_map dep_map;
#endif
};

#ifdef CONFIG_LOCKDEP
#define RWSEM_DEP_MAP_INIT(lockname) \
	.dep_map = LOCKDEP_MAP_INIT(#lockname, NULL, LD_WAIT_SLEEP),
#else
#define RWSEM_DEP_MAP_INIT(lockname)
#endif

#define __RWSEM_INITIALIZER(name)                              \
	{                                                      \
		.readers = 0, .writer = NULL,                  \
		.wait_list = LIST_HEAD_INIT((name).wait_list), \
		RWSEM_DEP_MAP_INIT(name)                       \
	}

/*
 * init_rwsem - free, nobody waiting; with lockdep each call site is a
 * class (Linux's macro over __init_rwsem(), which takes the class's name
 * and key).
 */
void __init_rwsem(struct rw_semaphore *sem, const char *name,
		  struct lock_class_key *key);
#ifdef CONFIG_LOCKDEP
#define init_rwsem(sem)                             \
	do {                                        \
		static struct lock_class_key __key; \
		__init_rwsem((sem), #sem, &__key);  \
	} while (0)
#else
#define init_rwsem(sem) __init_rwsem((sem), NULL, NULL)
#endif

/*
 * down_read - share @sem with other readers, sleeping while a writer
 * holds it or waits for it.  down_read_interruptible / _killable - the
 * same, but -EINTR if a signal (SIGKILL for killable) comes first.
 * down_write - hold @sem alone, sleeping until every holder has left.
 * down_write_killable - the same, or -EINTR on SIGKILL.  Sleep.
 */
void down_read(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);

/* down_read_trylock / down_write_trylock - take @sem if that needs no
 * wait: 1 taken, 0 not (Linux's sense, as mutex_trylock()). */
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);

/*
 * up_read / up_write - leave @sem; the waiters at the head of the queue
 * that can now hold it (one writer, or every reader up to the next
 * writer) wake holding it.  downgrade_write - turn current's write hold
 * into a read hold, letting the readers at the head of the queue in.
 * Misuse (leaving what current does not hold) is reported and ignored.
 */
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);

/* rwsem_is_locked - held by anyone? */
static inline bool rwsem_is_locked(const struct rw_semaphore *sem)
{
	return sem->readers || sem->writer;
}

#endif
