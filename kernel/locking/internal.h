/*
 * lockdep's private types, shared by its graph (lockdep.c) and its
 * reports (lockdep_report.c, below it): lock classes, the dependency
 * edges between them, and the saved stack traces both point into.
 */
#ifndef KERNEL_LOCKING_INTERNAL_H
#define KERNEL_LOCKING_INTERNAL_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/types.h>

/* Fixed tables, as Linux's: lockdep must not allocate under a lock. */
#define MAX_LOCKDEP_KEYS 1024	      /* classes */
#define MAX_LOCKDEP_ENTRIES 8192      /* dependency edges */
#define MAX_STACK_TRACE_ENTRIES 65536 /* return addresses of saved traces */
#define LOCK_TRACE_DEPTH 16	      /* frames kept per trace */

/*
 * The usage states of a class, Linux's bits in Linux's order: taken in a
 * hard interrupt handler (IN-HARDIRQ) or with interrupts on (HARDIRQ-ON),
 * the same for softirqs, each to write or to read.
 */
enum lock_usage_bit {
	LOCK_USED_IN_HARDIRQ,
	LOCK_USED_IN_HARDIRQ_READ,
	LOCK_ENABLED_HARDIRQ,
	LOCK_ENABLED_HARDIRQ_READ,
	LOCK_USED_IN_SOFTIRQ,
	LOCK_USED_IN_SOFTIRQ_READ,
	LOCK_ENABLED_SOFTIRQ,
	LOCK_ENABLED_SOFTIRQ_READ,
	LOCK_USAGE_STATES
};

/* A saved stack: @nr return addresses from @offset in the trace pool. */
struct lock_trace {
	unsigned int offset, nr;
};

/* All locks of one key and subclass. */
struct lock_class {
	struct list_head hash_entry; /* in its hash bucket, or free */
	const void *key;
	unsigned int subclass;
	const char *name; /* NULL: the key's symbol names it */
	int name_version; /* n-th class of that name, printed #n if > 1 */
	int wait_type;	  /* LD_WAIT_* */
	unsigned int usage_mask; /* 1 << lock_usage_bit */
	struct lock_trace usage_traces[LOCK_USAGE_STATES];
	struct list_head locks_after; /* lock_list: classes taken inside */
	/* The search for a circle: how it reached this class, and when. */
	struct lock_list *bfs_via;
	unsigned int bfs_gen;
};

/* A dependency: @class was taken while the list's owner was held. */
struct lock_list {
	struct list_head entry; /* in the owner's locks_after, or free */
	struct lock_class *class;
	struct lock_class *from;
	struct lock_trace trace; /* where the dependency was first made */
};

/* lockdep_report.c: the on/off switch, the traces, the reports. */
extern bool debug_locks_silent;
bool debug_locks_off(void);
unsigned int lockdep_trace_entries(void);
void print_lockdep_off(const char *bug_msg);
bool lockdep_save_trace(struct lock_trace *trace, uintptr_t rbp,
			const struct lockdep_task *curr);
void lockdep_print_held_locks(const struct lockdep_task *p);

void print_circular_bug(const struct lockdep_task *curr,
			const struct held_lock *next,
			const struct held_lock *prev,
			struct lock_list *const *path, int len,
			const struct lock_trace *now);
void print_deadlock_bug(const struct lockdep_task *curr,
			const struct held_lock *prev,
			const struct held_lock *next);
void print_usage_bug(const struct lockdep_task *curr,
		     const struct held_lock *this, enum lock_usage_bit prev_bit,
		     enum lock_usage_bit new_bit);
void print_unlock_imbalance_bug(const struct lockdep_task *curr,
				const struct lockdep_map *lock, uintptr_t ip);
void print_freed_lock_bug(const struct lockdep_task *curr,
			  const struct lockdep_task *holder, const void *from,
			  const void *to, const struct held_lock *hlock);
void print_held_locks_bug(const struct lockdep_task *curr);

#endif
