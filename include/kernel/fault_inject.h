/*
 * Fault injection, as Linux's failslab and fail_page_alloc: make chosen
 * kmalloc, frame or module-area allocations fail, to test that every
 * caller copes with running out of memory.  Set from the command line
 *
 *   failslab=<interval>,<probability>,<space>,<times>[,loader]
 *   fail_page_alloc=...   fail_modarea=...   fail_seed=<n>
 *
 * with Linux's meaning of the four numbers (Documentation/fault-injection):
 * a call is eligible once @space bytes of requests have gone by; every
 * @interval-th eligible call then fails with @probability percent (drawn
 * from a generator seeded by fail_seed=, default 1), at most @times times
 * (-1: no limit).  "loader" limits it to calls made while a module loads.
 * "failslab=3,100,0,1" fails the third kmalloc and no other.
 */
#ifndef KERNEL_FAULT_INJECT_H
#define KERNEL_FAULT_INJECT_H

#include <kernel/types.h>

enum fault_kind {
	FAULT_KMALLOC, /* failslab=: kmalloc, krealloc growing, kmem_cache_alloc */
	FAULT_FRAME,   /* fail_page_alloc=: frame_alloc, frame_alloc_contig */
	FAULT_MODAREA, /* fail_modarea=: modarea_alloc */
	FAULT_KINDS
};

struct fault_attr {
	unsigned long interval;	  /* 0 or 1: every eligible call */
	unsigned int probability; /* percent, 0..100 */
	size_t space;		  /* bytes let through first */
	long times;		  /* failures left; -1 no limit; 0 off */
	bool loader_only;	  /* only while a module loads */
	/* Kept by the injector: */
	unsigned long calls;	/* eligible calls seen */
	unsigned long failures; /* failures injected */
	const void *caller;	/* who called the allocator that failed last */
};

/*
 * fault_should_fail - whether this allocation of @size bytes of @kind must
 * fail; each injected failure is logged with @caller's name.  Cheap when
 * nothing is set.  Any context.
 */
bool fault_should_fail(enum fault_kind kind, size_t size, const void *caller);

/*
 * fault_inject_set - use @attr for @kind from now on (its counters start
 * at 0); fault_inject_get - the current one, with its counters.
 */
void fault_inject_set(enum fault_kind kind, const struct fault_attr *attr);
void fault_inject_get(enum fault_kind kind, struct fault_attr *attr);

/* fault_inject_off - no more failures of any kind. */
void fault_inject_off(void);

/*
 * fault_loader_enter / fault_loader_exit - bracket a module load, the
 * scope of the "loader" option.  They nest.
 */
void fault_loader_enter(void);
void fault_loader_exit(void);

#endif
