/*
 * CONFIG_DEBUG_ATOMIC_SLEEP: might_sleep() at the top of every function
 * that can sleep reports a call from atomic context where it is made, as
 * Linux's __might_sleep() does, before the sleep that would switch tasks
 * with a spinlock held (or, under spin_lock_irqsave(), busy-wait in msleep).
 */
#include <kernel/export.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/x86.h>
#include "internal.h"

/*
 * The call sites reported so far: the function that may sleep (its
 * file and line) and its caller.  Linux limits the report to one a
 * second instead; one per site keeps a loop that sleeps under a lock
 * from flooding the log and still names every other culprit.  Once the
 * table is full, every further report is printed.  A module's sites are
 * forgotten with its code (might_sleep_forget()): its caller's address,
 * or the file name of a wait_event() expanded in it, may come back.
 */
struct might_sleep_site {
	const char *file;
	int line;
	uintptr_t caller;
};

#define MIGHT_SLEEP_SITES 64
static struct might_sleep_site reported[MIGHT_SLEEP_SITES];
static unsigned int nr_reported;

/* Was this site reported before?  If not, remember it (while there is room). */
static bool might_sleep_seen(const char *file, int line, uintptr_t caller)
{
	for (unsigned int i = 0; i < nr_reported; i++)
		if (reported[i].caller == caller && reported[i].line == line &&
		    reported[i].file == file)
			return true;
	if (nr_reported < MIGHT_SLEEP_SITES)
		reported[nr_reported++] =
			(struct might_sleep_site){ file, line, caller };
	return false;
}

void might_sleep_forget(const void *start, size_t size)
{
	uintptr_t from = (uintptr_t)start;
	uint64_t irq = irq_save();
	unsigned int kept = 0;

	for (unsigned int i = 0; i < nr_reported; i++)
		if (reported[i].caller - from >= size &&
		    (uintptr_t)reported[i].file - from >= size)
			reported[kept++] = reported[i];
	nr_reported = kept;
	irq_restore(irq);
}

/* excerpt: might-sleep */
void __might_sleep(const char *file, int line, uintptr_t caller)
{
	unsigned int count = preempt_count();
	uint64_t irq;
	bool seen;

	/*
	 * Only the count makes a sleep wrong here: Sprout's own sleeping
	 * code calls schedule() with interrupts off (it restores them), and
	 * msleep() with interrupts off busy-waits.  swapper/0 is the boot
	 * thread and the idle task, both of which Linux leaves out too.
	 */
	if (!count || current == &init_task)
		return;
	irq = irq_save();
	seen = might_sleep_seen(file, line, caller);
	irq_restore(irq);
	if (seen)
		return;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), !(irq & RFLAGS_IF), current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", count);
	dump_stack();
}
/* excerpt-end: might-sleep */
EXPORT_SYMBOL(__might_sleep);
