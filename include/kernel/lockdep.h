/*
 * lockdep, the lock validator of the debug kernel (CONFIG_LOCKDEP): every
 * lock belongs to a class -- the place it was initialized, or the static
 * lock itself -- and every acquisition records which classes were held
 * then, so an order that could deadlock is reported the first time both
 * halves have run, not the day they race.  Off, every hook here is
 * nothing and the lock structures carry no map.
 */
#ifndef KERNEL_LOCKDEP_H
#define KERNEL_LOCKDEP_H

#include <kernel/list.h>
#include <kernel/types.h>

/*
 * A class's identity: the address of a static key, one per place a lock
 * is initialized (spin_lock_init() and friends are macros declaring it),
 * as Linux's.  Static locks need none: their own address is the key.
 */
struct lock_class_key {
	char unused; /* a size, so that two keys never share an address */
};

/* How a lock waits, printed as Linux's {outer:inner} (LD_WAIT_*). */
#define LD_WAIT_SPIN 2
#define LD_WAIT_SLEEP 3

/* Nesting depth of one task's held locks, as Linux's MAX_LOCK_DEPTH. */
#define MAX_LOCK_DEPTH 48

#ifdef CONFIG_LOCKDEP

struct lock_class;

/* What lockdep knows of one lock, inside the lock (dep_map). */
struct lockdep_map {
	struct lock_class_key *key; /* NULL: a static lock, keyed by itself */
	const char *name;	    /* as Linux prints it: "&dev->lock" */
	int wait_type;		    /* LD_WAIT_SPIN or LD_WAIT_SLEEP */
};

#define LOCKDEP_MAP_INIT(lockname, lockkey, wait)                         \
	{                                                                 \
		.key = (lockkey), .name = (lockname), .wait_type = (wait) \
	}

/*
 * LOCKDEP_INIT_AT_SITE - set *@lock, of type @type, to an unlocked lock
 * whose class is this call site's (a static key per expansion, as Linux's
 * spin_lock_init()), named by the expression @lock.
 */
#define LOCKDEP_INIT_AT_SITE(lock, type, wait)                               \
	do {                                                                 \
		static struct lock_class_key __key;                          \
		*(lock) = (type){ .dep_map = LOCKDEP_MAP_INIT(#lock, &__key, \
							      wait) };       \
	} while (0)

/* One lock a task holds, with where it was taken. */
struct held_lock {
	struct lockdep_map *instance;
	struct lock_class *class;
	uintptr_t acquire_ip;
	unsigned char read;	    /* 0 write, 1 read, 2 recursive read */
	unsigned char trylock;	    /* taken by a trylock: no order implied */
	unsigned char irq_context;  /* 2 hard interrupt, 1 softirq, 0 task */
	unsigned char hardirqs_off; /* taken with interrupts off */
};

/*
 * A task's stack of held locks (task_struct's lockdep), on the list of
 * every task's so that a lock freed under another task is found.
 */
struct lockdep_task {
	struct list_head node;
	const char *comm;
	int pid;
	uintptr_t stack_lo, stack_hi; /* 0, 0: the boot stack */
	unsigned int depth;
	struct held_lock held_locks[MAX_LOCK_DEPTH];
};

/* 1 while lockdep checks; its first report sets it to 0, as Linux's. */
extern int debug_locks;

/*
 * lock_acquire - @lock is being taken (before it is, so that a deadlock
 * is reported before it hangs), in @subclass (the _nested forms), by a
 * trylock that succeeded (@trylock), to read (@read 1, or 2 for a
 * recursive read such as read_lock()), at @ip.  lock_release - @lock is
 * given back at @ip.  @ip 0 means the caller itself: the lock headers'
 * inline code, where GCC does not keep a label's address in place.  Any
 * context; they take no lock and never sleep.
 */
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  int read, uintptr_t ip);
void lock_release(struct lockdep_map *lock, uintptr_t ip);

/*
 * lockdep_task_init - start @lt, a new task's stack of held locks: no
 * locks, @comm and @pid for reports, its kernel stack [@lo, @hi) (0, 0 for
 * the boot stack) for the traces lockdep saves.  lockdep_task_free - @lt's
 * task is freed.  lockdep_current_register - the scheduler's function that
 * returns the running task's stack of held locks; until it registers,
 * nothing is checked.  None sleeps.
 */
void lockdep_task_init(struct lockdep_task *lt, const char *comm, int pid,
		       uintptr_t lo, uintptr_t hi);
void lockdep_task_free(struct lockdep_task *lt);
void lockdep_current_register(struct lockdep_task *(*current_fn)(void));

/*
 * debug_check_no_locks_freed - the memory [@mem, @mem + @len) is being
 * freed: report a lock current holds inside it ("held lock freed!").
 * debug_check_no_locks_held - current ends: report the locks it holds.
 * lockdep_free_key_range - a module's memory [@start, @start + @size) is
 * freed: report a lock any task holds there or of a class keyed there,
 * then forget those classes, so that a module loaded there next starts
 * afresh.  debug_show_all_locks - print every task's held locks (or that
 * lockdep is off).  None sleeps.
 */
void debug_check_no_locks_freed(const void *mem, size_t len);
void debug_check_no_locks_held(void);
void lockdep_free_key_range(const void *start, size_t size);
void debug_show_all_locks(void);

/*
 * lockdep_selftest_begin / lockdep_selftest_end - bracket a lock misuse
 * done on purpose, by a test of a lock's own checks (as Linux's locking
 * self-tests do with debug_locks_silent and lockdep_reset()): lockdep's
 * report of it is not printed, and _end turns lockdep back on, current
 * holding nothing.  _end: true if lockdep saw the misuse (or is not built
 * in).  Not for use outside tests.
 */
void lockdep_selftest_begin(void);
bool lockdep_selftest_end(void);

/* What /proc/lockdep_stats shows, as Linux's: the tables' use and limits. */
struct lockdep_stats {
	unsigned long classes, max_classes;
	unsigned long dependencies, max_dependencies;
	unsigned long trace_entries, max_trace_entries;
	unsigned long hardirq_safe, hardirq_unsafe;
	unsigned long softirq_safe, softirq_unsafe;
	unsigned int max_depth; /* the most locks a task has held at once */
	int debug_locks;
};

/* lockdep_get_stats - fill @st.  Any context. */
void lockdep_get_stats(struct lockdep_stats *st);

/* lockdep_init_map - give @map its class: @key, or NULL for a static
 * lock; @name as reports print it; @wait_type LD_WAIT_*. */
static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    struct lock_class_key *key, int wait_type)
{
	map->key = key;
	map->name = name;
	map->wait_type = wait_type;
}

/* The hooks the lock headers call, with the lock's map. */
#define lockdep_acquire(map, subclass, trylock, read, ip) \
	lock_acquire(map, subclass, trylock, read, ip)
#define lockdep_release(map, ip) lock_release(map, ip)

#else /* !CONFIG_LOCKDEP */

#define lockdep_acquire(map, subclass, trylock, read, ip) ((void)0)
#define lockdep_release(map, ip) ((void)0)
#define lockdep_init_map(map, name, key, wait_type) ((void)0)
static inline void lockdep_selftest_begin(void)
{
}
static inline bool lockdep_selftest_end(void)
{
	return true;
}
/* The arguments are not evaluated: the free path pays nothing. */
#define debug_check_no_locks_freed(mem, len) ((void)0)
#define debug_check_no_locks_held() ((void)0)
#define lockdep_free_key_range(start, size) ((void)0)
#define debug_show_all_locks() ((void)0)

#endif

#endif
