/*
 * lockdep's reports, in Linux's words and layout (kernel/locking/lockdep.c
 * there), and what they print from: the switch the first report turns
 * off, and the pool of saved stack traces.  The graph (lockdep.c) finds
 * the bug and calls down to here with everything a report names.
 */
#include <kernel/export.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

int debug_locks = 1;
EXPORT_SYMBOL(debug_locks);

/* Every saved trace, end to end; nothing is taken back (as Linux). */
static unsigned long trace_pool[MAX_STACK_TRACE_ENTRIES];
static unsigned int trace_used;

static const char *const usage_str[LOCK_USAGE_STATES] = {
	[LOCK_USED_IN_HARDIRQ] = "IN-HARDIRQ-W",
	[LOCK_USED_IN_HARDIRQ_READ] = "IN-HARDIRQ-R",
	[LOCK_ENABLED_HARDIRQ] = "HARDIRQ-ON-W",
	[LOCK_ENABLED_HARDIRQ_READ] = "HARDIRQ-ON-R",
	[LOCK_USED_IN_SOFTIRQ] = "IN-SOFTIRQ-W",
	[LOCK_USED_IN_SOFTIRQ_READ] = "IN-SOFTIRQ-R",
	[LOCK_ENABLED_SOFTIRQ] = "SOFTIRQ-ON-W",
	[LOCK_ENABLED_SOFTIRQ_READ] = "SOFTIRQ-ON-R",
};

/* Set by lockdep_selftest_begin(): lockdep turns off without a word. */
bool debug_locks_silent;

/* Turn lockdep off; true for the one caller that turned it off and should
 * report why (unless silenced). */
bool debug_locks_off(void)
{
	return __atomic_exchange_n(&debug_locks, 0, __ATOMIC_SEQ_CST) != 0 &&
	       !debug_locks_silent;
}

unsigned int lockdep_trace_entries(void)
{
	return trace_used;
}

/* A table ran out: nothing can be checked after this, say so. */
void print_lockdep_off(const char *bug_msg)
{
	if (!debug_locks_off())
		return;
	printk(KERN_DEBUG "%s\n", bug_msg);
	printk(KERN_DEBUG "turning off the locking correctness validator.\n");
}

bool lockdep_save_trace(struct lock_trace *trace, uintptr_t rbp,
			const struct lockdep_task *curr)
{
	/* The boot stack (swapper/0's) is in .bss. */
	extern char __bss_start[], __bss_end[];
	uintptr_t lo = curr->stack_lo, hi = curr->stack_hi;
	unsigned int nr;

	if (!lo) {
		lo = (uintptr_t)__bss_start;
		hi = (uintptr_t)__bss_end;
	}
	if (trace_used + LOCK_TRACE_DEPTH > MAX_STACK_TRACE_ENTRIES) {
		print_lockdep_off("BUG: MAX_STACK_TRACE_ENTRIES too low!");
		return false;
	}
	nr = stack_trace_save_chain(rbp, lo, hi, &trace_pool[trace_used],
				    LOCK_TRACE_DEPTH, 0);
	*trace = (struct lock_trace){ .offset = trace_used, .nr = nr };
	trace_used += nr;
	return true;
}

/* Linux's print_lock_trace(): a frame a line, after @indent. */
static void print_lock_trace(const struct lock_trace *trace, const char *indent)
{
	char sym[KSYM_SYMBOL_LEN];

	for (unsigned int i = 0; i < trace->nr; i++) {
		sprint_backtrace(sym, sizeof(sym),
				 trace_pool[trace->offset + i]);
		printk(KERN_WARNING "%s%s\n", indent, sym);
	}
}

/* The release and taint, as Linux's print_kernel_ident(). */
static void print_kernel_ident(void)
{
	printk(KERN_WARNING "Sprout " SPROUT_VERSION " %s\n",
	       kernel_taint_string());
}

/* "lock_a", "&dev->lock#2", "&inode->i_mutex/1": Linux's lock name. */
static void print_class_name(const struct lock_class *class)
{
	if (!class->name)
		pr_cont("%ps", class->key);
	else
		pr_cont("%s", class->name);
	if (class->name && class->name_version > 1)
		pr_cont("#%d", class->name_version);
	if (class->subclass)
		pr_cont("/%u", class->subclass);
}

/*
 * One character per state pair: '.' never, '+' taken with them on, '-'
 * taken inside a handler, '?' both -- the write usage, then the read.
 */
static char usage_char(const struct lock_class *class, int bit)
{
	bool in = class->usage_mask & (1u << bit);
	bool on = class->usage_mask & (1u << (bit + 2));

	return in ? (on ? '?' : '-') : (on ? '+' : '.');
}

/* " (name){+.+.}-{2:2}": the name, irq usage and wait type. */
static void print_lock_name(const struct lock_class *class)
{
	pr_cont(" (");
	print_class_name(class);
	pr_cont("){%c%c%c%c}-{%d:%d}", usage_char(class, LOCK_USED_IN_HARDIRQ),
		usage_char(class, LOCK_USED_IN_HARDIRQ_READ),
		usage_char(class, LOCK_USED_IN_SOFTIRQ),
		usage_char(class, LOCK_USED_IN_SOFTIRQ_READ), class->wait_type,
		class->wait_type);
}

/* "ffff... (name){....}-{2:2}, at: fn+0x12/0x40": the lock and where,
 * after @prefix. */
static void print_lock(const char *prefix, const struct held_lock *hlock)
{
	printk(KERN_WARNING "%s%016lx", prefix, (unsigned long)hlock->instance);
	print_lock_name(hlock->class);
	pr_cont(", at: %pS\n", (void *)hlock->acquire_ip);
}

void lockdep_print_held_locks(const struct lockdep_task *p)
{
	if (!p->depth)
		printk(KERN_WARNING "no locks held by %s/%d.\n", p->comm,
		       p->pid);
	else
		printk(KERN_WARNING "%u lock%s held by %s/%d:\n", p->depth,
		       p->depth > 1 ? "s" : "", p->comm, p->pid);
	for (unsigned int i = 0; i < p->depth; i++) {
		char prefix[16];

		snprintf(prefix, sizeof(prefix), " #%u: ", i);
		print_lock(prefix, &p->held_locks[i]);
	}
}

/* The end of every report: the current stack. */
static void print_stack_backtrace(void)
{
	printk(KERN_WARNING "\nstack backtrace:\n");
	dump_stack();
}

/* "==..==\nWARNING: what\n<ident>\n--..--", both rules as long as @what. */
static void print_header(const char *what)
{
	char rule[64];
	size_t n = strlen(what);

	if (n >= sizeof(rule))
		n = sizeof(rule) - 1;
	memset(rule, '=', n);
	rule[n] = '\0';
	printk(KERN_WARNING "\n");
	printk(KERN_WARNING "%s\n", rule);
	printk(KERN_WARNING "%s\n", what);
	print_kernel_ident();
	memset(rule, '-', n);
	printk(KERN_WARNING "%s\n", rule);
}

static void print_circular_entry(const struct lock_class *class,
				 const struct lock_trace *trace, int depth)
{
	printk(KERN_WARNING "\n-> #%d", depth);
	print_lock_name(class);
	pr_cont(":\n");
	print_lock_trace(trace, "       ");
}

/* Two CPUs each holding one end of the circle (Linux's table). */
static void print_circular_scenario(const struct lock_class *source,
				    const struct lock_class *target,
				    const struct lock_class *parent)
{
	if (parent != source) {
		printk(KERN_WARNING "Chain exists of:\n  ");
		print_class_name(source);
		pr_cont(" --> ");
		print_class_name(parent);
		pr_cont(" --> ");
		print_class_name(target);
		pr_cont("\n\n");
	}
	printk(KERN_WARNING " Possible unsafe locking scenario:\n\n");
	printk(KERN_WARNING "       CPU0                    CPU1\n");
	printk(KERN_WARNING "       ----                    ----\n");
	printk(KERN_WARNING "  lock(");
	print_class_name(target);
	pr_cont(");\n");
	printk(KERN_WARNING "                               lock(");
	print_class_name(parent);
	pr_cont(");\n");
	printk(KERN_WARNING "                               lock(");
	print_class_name(target);
	pr_cont(");\n");
	printk(KERN_WARNING "  lock(");
	print_class_name(source);
	pr_cont(");\n");
	printk(KERN_WARNING "\n *** DEADLOCK ***\n\n");
}

/*
 * @path[0..@len) are the edges from @next's class to @prev's: the chain
 * that the new order @prev -> @next would close.  Printed from @prev's
 * end, each class with the stack where its edge was made; @next's own is
 * the stack of now.
 */
void print_circular_bug(const struct lockdep_task *curr,
			const struct held_lock *next,
			const struct held_lock *prev,
			struct lock_list *const *path, int len,
			const struct lock_trace *now)
{
	print_header("WARNING: possible circular locking dependency detected");
	printk(KERN_WARNING "%s/%d is trying to acquire lock:\n", curr->comm,
	       curr->pid);
	print_lock("", next);
	printk(KERN_WARNING "\nbut task is already holding lock:\n");
	print_lock("", prev);
	printk(KERN_WARNING
	       "\nwhich lock already depends on the new lock.\n\n");
	printk(KERN_WARNING
	       "\nthe existing dependency chain (in reverse order) is:\n");
	for (int i = len - 1; i >= 0; i--)
		print_circular_entry(path[i]->class, &path[i]->trace, i + 1);
	print_circular_entry(next->class, now, 0);
	printk(KERN_WARNING "\nother info that might help us debug this:\n\n");
	print_circular_scenario(next->class, prev->class, path[len - 1]->from);
	lockdep_print_held_locks(curr);
	print_stack_backtrace();
}

void print_deadlock_bug(const struct lockdep_task *curr,
			const struct held_lock *prev,
			const struct held_lock *next)
{
	print_header("WARNING: possible recursive locking detected");
	printk(KERN_WARNING "%s/%d is trying to acquire lock:\n", curr->comm,
	       curr->pid);
	print_lock("", next);
	printk(KERN_WARNING "\nbut task is already holding lock:\n");
	print_lock("", prev);
	printk(KERN_WARNING "\nother info that might help us debug this:\n");
	printk(KERN_WARNING " Possible unsafe locking scenario:\n\n");
	printk(KERN_WARNING "       CPU0\n");
	printk(KERN_WARNING "       ----\n");
	printk(KERN_WARNING "  lock(");
	print_class_name(prev->class);
	pr_cont(");\n");
	printk(KERN_WARNING "  lock(");
	print_class_name(next->class);
	pr_cont(");\n");
	printk(KERN_WARNING "\n *** DEADLOCK ***\n\n");
	printk(KERN_WARNING " May be due to missing lock nesting notation\n\n");
	lockdep_print_held_locks(curr);
	print_stack_backtrace();
}

void print_usage_bug(const struct lockdep_task *curr,
		     const struct held_lock *this, enum lock_usage_bit prev_bit,
		     enum lock_usage_bit new_bit)
{
	unsigned int count = preempt_count();
	bool hardirq = count & HARDIRQ_MASK;

	print_header("WARNING: inconsistent lock state");
	printk(KERN_WARNING "inconsistent {%s} -> {%s} usage.\n",
	       usage_str[prev_bit], usage_str[new_bit]);
	printk(KERN_WARNING "%s/%d [HC%u[%u]:SC%u[%u]:HE%u:SE%u] takes:\n",
	       curr->comm, curr->pid, hardirq,
	       (count & HARDIRQ_MASK) >> HARDIRQ_SHIFT, this->irq_context == 1,
	       (count & SOFTIRQ_MASK) >> SOFTIRQ_SHIFT, !this->hardirqs_off,
	       !(count & SOFTIRQ_MASK));
	print_lock("", this);
	printk(KERN_WARNING "{%s} state was registered at:\n",
	       usage_str[prev_bit]);
	print_lock_trace(&this->class->usage_traces[prev_bit], "  ");
	printk(KERN_WARNING "\nother info that might help us debug this:\n");
	printk(KERN_WARNING " Possible unsafe locking scenario:\n\n");
	printk(KERN_WARNING "       CPU0\n");
	printk(KERN_WARNING "       ----\n");
	printk(KERN_WARNING "  lock(");
	print_class_name(this->class);
	pr_cont(");\n");
	printk(KERN_WARNING "  <Interrupt>\n");
	printk(KERN_WARNING "    lock(");
	print_class_name(this->class);
	pr_cont(");\n");
	printk(KERN_WARNING "\n *** DEADLOCK ***\n\n");
	lockdep_print_held_locks(curr);
	print_stack_backtrace();
}

void print_unlock_imbalance_bug(const struct lockdep_task *curr,
				const struct lockdep_map *lock, uintptr_t ip)
{
	print_header("WARNING: bad unlock balance detected!");
	printk(KERN_WARNING "%s/%d is trying to release lock (%s) at:\n",
	       curr->comm, curr->pid, lock->name ? lock->name : "?");
	printk(KERN_WARNING "[<%016lx>] %pS\n", (unsigned long)ip, (void *)ip);
	printk(KERN_WARNING "but there are no more locks to release!\n");
	printk(KERN_WARNING "\nother info that might help us debug this:\n");
	lockdep_print_held_locks(curr);
	print_stack_backtrace();
}

void print_freed_lock_bug(const struct lockdep_task *curr,
			  const struct lockdep_task *holder, const void *from,
			  const void *to, const struct held_lock *hlock)
{
	print_header("WARNING: held lock freed!");
	printk(KERN_WARNING
	       "%s/%d is freeing memory %016lx-%016lx, with a lock still held there!\n",
	       curr->comm, curr->pid, (unsigned long)from,
	       (unsigned long)to - 1);
	print_lock("", hlock);
	lockdep_print_held_locks(holder);
	print_stack_backtrace();
}

void print_held_locks_bug(const struct lockdep_task *curr)
{
	char what[64];

	snprintf(what, sizeof(what), "WARNING: %s/%d still has locks held!",
		 curr->comm, curr->pid);
	print_header(what);
	lockdep_print_held_locks(curr);
	print_stack_backtrace();
}
