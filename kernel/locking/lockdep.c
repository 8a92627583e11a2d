/*
 * lockdep (CONFIG_LOCKDEP), Linux's lock validator: each lock taken
 * finds its class, is pushed on the task's stack of held locks, and adds
 * an edge "held class -> new class" to the graph of every order ever
 * seen.  An edge that closes a circle, a class taken twice, a class used
 * both inside an interrupt handler and with interrupts on, a release of
 * a lock not held: each is a deadlock waiting for its timing, reported
 * the first time the pieces are seen (lockdep_report.c), after which
 * lockdep turns itself off and the kernel goes on.  One CPU: turning
 * interrupts off makes every step atomic.
 */
#include <kernel/export.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

#define CLASSHASH_SIZE 256

static struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
static struct list_head classhash[CLASSHASH_SIZE];
static LIST_HEAD(free_classes);
static LIST_HEAD(free_entries);
static bool tables_ready;

/* Every task's held locks, so that a freed module's locks are found. */
static LIST_HEAD(all_tasks);
static struct lockdep_task *(*lockdep_current)(void);

/* Set while lockdep runs, so that the locks its reports take are ignored. */
static bool lockdep_recursion;

static unsigned int bfs_gen;

/* For /proc/lockdep_stats: what the tables hold, the deepest nesting. */
static unsigned long nr_classes, nr_dependencies;
static unsigned int max_depth;

/* The tables start on the free lists; no initcall: locks come first. */
static void lockdep_tables_init(void)
{
	for (int i = 0; i < CLASSHASH_SIZE; i++)
		INIT_LIST_HEAD(&classhash[i]);
	for (int i = 0; i < MAX_LOCKDEP_KEYS; i++)
		list_add_tail(&lock_classes[i].hash_entry, &free_classes);
	for (int i = 0; i < MAX_LOCKDEP_ENTRIES; i++)
		list_add_tail(&list_entries[i].entry, &free_entries);
	tables_ready = true;
}

void lockdep_current_register(struct lockdep_task *(*current_fn)(void))
{
	lockdep_current = current_fn;
}

void lockdep_task_init(struct lockdep_task *lt, const char *comm, int pid,
		       uintptr_t lo, uintptr_t hi)
{
	uint64_t flags = irq_save();

	lt->comm = comm;
	lt->pid = pid;
	lt->stack_lo = lo;
	lt->stack_hi = hi;
	lt->depth = 0;
	list_add_tail(&lt->node, &all_tasks);
	irq_restore(flags);
}

void lockdep_task_free(struct lockdep_task *lt)
{
	uint64_t flags = irq_save();

	list_del(&lt->node);
	irq_restore(flags);
}

static struct list_head *class_bucket(const void *key, unsigned int subclass)
{
	uintptr_t h = (uintptr_t)key >> 3;

	return &classhash[(h ^ (h >> 8) ^ subclass) % CLASSHASH_SIZE];
}

/* Classes that share a name are told apart as name#2, name#3... */
static int class_name_version(const char *name)
{
	int version = 1;

	if (!name)
		return 1;
	for (int i = 0; i < MAX_LOCKDEP_KEYS; i++) {
		const struct lock_class *c = &lock_classes[i];

		if (c->key && c->name && !strcmp(c->name, name) &&
		    c->name_version >= version)
			version = c->name_version + 1;
	}
	return version;
}

/* The class of @map in @subclass, registered the first time; NULL: full. */
static struct lock_class *register_lock_class(const struct lockdep_map *map,
					      unsigned int subclass)
{
	const void *key = map->key ? (const void *)map->key : map;
	struct list_head *bucket = class_bucket(key, subclass);
	struct lock_class *class;

	list_for_each_entry(class, bucket, hash_entry)
		if (class->key == key && class->subclass == subclass)
			return class;
	if (list_empty(&free_classes)) {
		print_lockdep_off("BUG: MAX_LOCKDEP_KEYS too low!");
		return NULL;
	}
	class = list_first_entry(&free_classes, struct lock_class, hash_entry);
	list_del(&class->hash_entry);
	nr_classes++;
	*class = (struct lock_class){ .key = key,
				      .subclass = subclass,
				      .name = map->name,
				      .name_version =
					      class_name_version(map->name),
				      .wait_type = map->wait_type };
	INIT_LIST_HEAD(&class->locks_after);
	list_add(&class->hash_entry, bucket);
	return class;
}

/* excerpt: lockdep-mark-lock */
/*
 * Mark @new_bit on @hlock's class; a class already used the other way
 * round (inside a handler and with that handler's interrupts on) is
 * reported.  False after a report.
 */
static bool mark_lock(struct lockdep_task *curr, struct held_lock *hlock,
		      enum lock_usage_bit new_bit, uintptr_t rbp)
{
	struct lock_class *class = hlock->class;
	/* Flip between IN and ON; a read meets only writes, a write both. */
	unsigned int excl = (new_bit ^ 2) & ~1u;
	unsigned int bad = 1u << excl;

	if (class->usage_mask & (1u << new_bit))
		return true;
	if (!(new_bit & 1))
		bad |= 1u << (excl | 1);
	if (class->usage_mask & bad) {
		enum lock_usage_bit prev =
			(class->usage_mask & (1u << excl)) ? excl : excl | 1;

		if (debug_locks_off())
			print_usage_bug(curr, hlock, prev, new_bit);
		return false;
	}
	class->usage_mask |= 1u << new_bit;
	return lockdep_save_trace(&class->usage_traces[new_bit], rbp, curr);
}
/* excerpt-end: lockdep-mark-lock */

/* Linux's mark_usage(): in which context, with what enabled, to read? */
static bool mark_usage(struct lockdep_task *curr, struct held_lock *hlock,
		       uintptr_t rbp)
{
	unsigned int read = hlock->read ? 1 : 0;

	if (!hlock->trylock) {
		if (hlock->irq_context == 2 &&
		    !mark_lock(curr, hlock, LOCK_USED_IN_HARDIRQ + read, rbp))
			return false;
		if (hlock->irq_context == 1 &&
		    !mark_lock(curr, hlock, LOCK_USED_IN_SOFTIRQ + read, rbp))
			return false;
	}
	if (hlock->hardirqs_off)
		return true;
	if (!mark_lock(curr, hlock, LOCK_ENABLED_HARDIRQ + read, rbp))
		return false;
	if (!softirq_count() &&
	    !mark_lock(curr, hlock, LOCK_ENABLED_SOFTIRQ + read, rbp))
		return false;
	return true;
}

/* A class already held, taken again: AA, unless both are recursive reads. */
static bool check_deadlock(struct lockdep_task *curr, struct held_lock *next)
{
	for (unsigned int i = 0; i < curr->depth; i++) {
		struct held_lock *prev = &curr->held_locks[i];

		if (prev->class != next->class)
			continue;
		if (next->read == 2 && prev->read)
			return true;
		if (debug_locks_off())
			print_deadlock_bug(curr, prev, next);
		return false;
	}
	return true;
}

/* excerpt: lockdep-find-path */
/*
 * Breadth first from @source along the edges: the edge into @target on
 * the first path found (each class's bfs_via leads back), or NULL.
 */
static struct lock_list *find_path(struct lock_class *source,
				   struct lock_class *target)
{
	static struct lock_class *queue[MAX_LOCKDEP_KEYS];
	unsigned int head = 0, tail = 0;

	bfs_gen++;
	source->bfs_gen = bfs_gen;
	source->bfs_via = NULL;
	queue[tail++] = source;
	while (head < tail) {
		struct lock_class *c = queue[head++];
		struct lock_list *e;

		list_for_each_entry(e, &c->locks_after, entry) {
			if (e->class->bfs_gen == bfs_gen)
				continue;
			e->class->bfs_gen = bfs_gen;
			e->class->bfs_via = e;
			if (e->class == target)
				return e;
			queue[tail++] = e->class;
		}
	}
	return NULL;
}
/* excerpt-end: lockdep-find-path */

/* The circle @prev -> @next would close: the path back, and the report. */
static void report_circle(struct lockdep_task *curr, struct held_lock *prev,
			  struct held_lock *next, struct lock_list *last,
			  uintptr_t rbp)
{
	static struct lock_list *path[MAX_LOCKDEP_KEYS];
	struct lock_trace now = { 0 };
	int len = 0;

	for (struct lock_list *e = last; e; e = e->from->bfs_via)
		path[len++] = e;
	/* path[] runs from @prev's class back; the report wants it forward. */
	for (int i = 0; i < len / 2; i++) {
		struct lock_list *t = path[i];

		path[i] = path[len - 1 - i];
		path[len - 1 - i] = t;
	}
	lockdep_save_trace(&now, rbp, curr);
	if (debug_locks_off())
		print_circular_bug(curr, next, prev, path, len, &now);
}

/* excerpt: lockdep-prev-add */
/* Add the edge @prev -> @next unless known; false after a report. */
static bool check_prev_add(struct lockdep_task *curr, struct held_lock *prev,
			   struct held_lock *next, struct lock_trace *trace,
			   uintptr_t rbp)
{
	struct lock_list *e;

	if (prev->class == next->class)
		return true;
	list_for_each_entry(e, &prev->class->locks_after, entry)
		if (e->class == next->class)
			return true;
	e = find_path(next->class, prev->class);
	if (e) {
		report_circle(curr, prev, next, e, rbp);
		return false;
	}
	if (!trace->nr && !lockdep_save_trace(trace, rbp, curr))
		return false;
	if (list_empty(&free_entries)) {
		print_lockdep_off("BUG: MAX_LOCKDEP_ENTRIES too low!");
		return false;
	}
	e = list_first_entry(&free_entries, struct lock_list, entry);
	list_del(&e->entry);
	nr_dependencies++;
	e->class = next->class;
	e->from = prev->class;
	e->trace = *trace;
	list_add_tail(&e->entry, &prev->class->locks_after);
	return true;
}
/* excerpt-end: lockdep-prev-add */

/*
 * An edge from each held lock of the same context, newest first, down to
 * the first one taken by a blocking acquire: the ones below it already
 * lead to it.  A held recursive read gets none (Linux's rule before its
 * read-aware search): readers do not exclude each other.
 */
static bool check_prevs_add(struct lockdep_task *curr, struct held_lock *next,
			    uintptr_t rbp)
{
	struct lock_trace trace = { 0 };

	for (int i = (int)curr->depth - 1; i >= 0; i--) {
		struct held_lock *prev = &curr->held_locks[i];

		if (prev->irq_context != next->irq_context)
			break;
		if (prev->read == 2)
			continue;
		if (!check_prev_add(curr, prev, next, &trace, rbp))
			return false;
		if (!prev->trylock)
			break;
	}
	return true;
}

static void __lock_acquire(struct lockdep_task *curr, struct lockdep_map *map,
			   unsigned int subclass, int trylock, int read,
			   uintptr_t ip, bool hardirqs_off, uintptr_t rbp)
{
	struct lock_class *class = register_lock_class(map, subclass);
	struct held_lock *hlock;

	if (!class)
		return;
	if (curr->depth >= MAX_LOCK_DEPTH) {
		print_lockdep_off("BUG: MAX_LOCK_DEPTH too low!");
		return;
	}
	hlock = &curr->held_locks[curr->depth];
	*hlock = (struct held_lock){
		.instance = map,
		.class = class,
		.acquire_ip = ip,
		.read = read,
		.trylock = trylock,
		.irq_context = in_hardirq()	    ? 2 :
			       in_serving_softirq() ? 1 :
						      0,
		.hardirqs_off = hardirqs_off,
	};
	if (!mark_usage(curr, hlock, rbp) || !check_deadlock(curr, hlock))
		return;
	if (!trylock && !check_prevs_add(curr, hlock, rbp))
		return;
	if (++curr->depth > max_depth)
		max_depth = curr->depth;
}

/* Enter lockdep: interrupts off, not from inside itself.  NULL: skip. */
static struct lockdep_task *lockdep_enter(uint64_t *flags)
{
	if (!__atomic_load_n(&debug_locks, __ATOMIC_RELAXED) ||
	    !lockdep_current)
		return NULL;
	*flags = irq_save();
	if (lockdep_recursion) {
		irq_restore(*flags);
		return NULL;
	}
	if (!tables_ready)
		lockdep_tables_init();
	lockdep_recursion = true;
	return lockdep_current();
}

static void lockdep_leave(uint64_t flags)
{
	lockdep_recursion = false;
	irq_restore(flags);
}

void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  int read, uintptr_t ip)
{
	uint64_t flags;
	struct lockdep_task *curr = lockdep_enter(&flags);

	if (!curr)
		return;
	if (!ip)
		ip = (uintptr_t)__builtin_return_address(0);
	__lock_acquire(curr, lock, subclass, trylock, read, ip,
		       !(flags & RFLAGS_IF),
		       (uintptr_t)__builtin_frame_address(0));
	lockdep_leave(flags);
}
EXPORT_SYMBOL(lock_acquire);

void lock_release(struct lockdep_map *lock, uintptr_t ip)
{
	uint64_t flags;
	struct lockdep_task *curr = lockdep_enter(&flags);
	int i;

	if (!curr)
		return;
	if (!ip)
		ip = (uintptr_t)__builtin_return_address(0);
	for (i = (int)curr->depth - 1; i >= 0; i--)
		if (curr->held_locks[i].instance == lock)
			break;
	if (i < 0) {
		if (debug_locks_off())
			print_unlock_imbalance_bug(curr, lock, ip);
	} else {
		curr->depth--;
		memmove(&curr->held_locks[i], &curr->held_locks[i + 1],
			(curr->depth - i) * sizeof(curr->held_locks[0]));
	}
	lockdep_leave(flags);
}
EXPORT_SYMBOL(lock_release);

static bool in_range(const void *p, const void *start, size_t size)
{
	return (uintptr_t)p - (uintptr_t)start < size;
}

/* A lock @holder holds in [@mem, @mem + @len), or of a class keyed there
 * if @keys; the report of the first, true if there was one. */
static bool check_freed(struct lockdep_task *curr, struct lockdep_task *holder,
			const void *mem, size_t len, bool keys)
{
	for (unsigned int i = 0; i < holder->depth; i++) {
		struct held_lock *h = &holder->held_locks[i];

		if (!in_range(h->instance, mem, len) &&
		    !(keys && in_range(h->class->key, mem, len)))
			continue;
		if (debug_locks_off())
			print_freed_lock_bug(curr, holder, mem,
					     (const char *)mem + len, h);
		return true;
	}
	return false;
}

void debug_check_no_locks_freed(const void *mem, size_t len)
{
	uint64_t flags;
	struct lockdep_task *curr;

	if (!mem || !len)
		return;
	curr = lockdep_enter(&flags);
	if (!curr)
		return;
	check_freed(curr, curr, mem, len, false);
	lockdep_leave(flags);
}
EXPORT_SYMBOL(debug_check_no_locks_freed);

void debug_check_no_locks_held(void)
{
	uint64_t flags;
	struct lockdep_task *curr = lockdep_enter(&flags);

	if (!curr)
		return;
	if (curr->depth && debug_locks_off())
		print_held_locks_bug(curr);
	lockdep_leave(flags);
}

/* Forget @class: its edges both ways go back to the free list. */
static void zap_class(struct lock_class *class)
{
	struct lock_list *e, *tmp;

	for (int i = 0; i < MAX_LOCKDEP_KEYS; i++) {
		if (!lock_classes[i].key) /* free: its list is not set up */
			continue;
		list_for_each_entry_safe(e, tmp, &lock_classes[i].locks_after,
					 entry)
			if (e->class == class) {
				list_move(&e->entry, &free_entries);
				nr_dependencies--;
			}
	}
	list_for_each_entry_safe(e, tmp, &class->locks_after, entry) {
		list_move(&e->entry, &free_entries);
		nr_dependencies--;
	}
	list_move(&class->hash_entry, &free_classes);
	nr_classes--;
	class->key = NULL;
}

void lockdep_free_key_range(const void *start, size_t size)
{
	uint64_t flags;
	struct lockdep_task *curr = lockdep_enter(&flags);
	struct lockdep_task *t;

	if (!curr)
		return;
	list_for_each_entry(t, &all_tasks, node)
		if (check_freed(curr, t, start, size, true))
			break;
	for (int i = 0; i < MAX_LOCKDEP_KEYS; i++)
		if (lock_classes[i].key &&
		    in_range(lock_classes[i].key, start, size))
			zap_class(&lock_classes[i]);
	lockdep_leave(flags);
}

void debug_show_all_locks(void)
{
	uint64_t flags;
	struct lockdep_task *curr = lockdep_enter(&flags);
	struct lockdep_task *t;

	if (!curr) {
		/* Not when lockdep is only busy, or has no tasks yet. */
		if (!debug_locks)
			printk(KERN_WARNING "INFO: lockdep is turned off.\n");
		return;
	}
	printk(KERN_WARNING "\nShowing all locks held in the system:\n");
	list_for_each_entry(t, &all_tasks, node)
		if (t->depth)
			lockdep_print_held_locks(t);
	printk(KERN_WARNING "\n");
	printk(KERN_WARNING
	       "=============================================\n\n");
	lockdep_leave(flags);
}

void lockdep_selftest_begin(void)
{
	debug_locks_silent = true;
}
EXPORT_SYMBOL(lockdep_selftest_begin);

bool lockdep_selftest_end(void)
{
	uint64_t flags = irq_save();
	bool seen = !debug_locks;

	if (lockdep_current)
		lockdep_current()->depth = 0;
	debug_locks_silent = false;
	debug_locks = 1;
	irq_restore(flags);
	return seen;
}
EXPORT_SYMBOL(lockdep_selftest_end);

void lockdep_get_stats(struct lockdep_stats *st)
{
	uint64_t flags = irq_save();

	*st = (struct lockdep_stats){
		.classes = nr_classes,
		.max_classes = MAX_LOCKDEP_KEYS,
		.dependencies = nr_dependencies,
		.max_dependencies = MAX_LOCKDEP_ENTRIES,
		.trace_entries = lockdep_trace_entries(),
		.max_trace_entries = MAX_STACK_TRACE_ENTRIES,
		.max_depth = max_depth,
		.debug_locks = debug_locks,
	};
	for (int i = 0; i < MAX_LOCKDEP_KEYS; i++) {
		unsigned int usage = lock_classes[i].usage_mask;

		if (!lock_classes[i].key)
			continue;
		st->hardirq_safe += !!(usage & (1u << LOCK_USED_IN_HARDIRQ));
		st->hardirq_unsafe += !!(usage & (1u << LOCK_ENABLED_HARDIRQ));
		st->softirq_safe += !!(usage & (1u << LOCK_USED_IN_SOFTIRQ));
		st->softirq_unsafe += !!(usage & (1u << LOCK_ENABLED_SOFTIRQ));
	}
	irq_restore(flags);
}
