/*
 * Which task still runs a given range of code: the module loader asks
 * before it frees a module's text, so that no thread a module started
 * (and its exit forgot to stop) is left running freed memory.
 */
#include <kernel/sched.h>
#include <kernel/x86.h>
#include "internal.h"

static bool in_range(uintptr_t addr, uintptr_t start, uintptr_t end)
{
	return addr >= start && addr < end;
}

/*
 * The first return address in [@start, @end) on the stack of @t, a task
 * that is not running: its frame chain, from the frame pointer its last
 * switch saved, followed only inside its own stack.  0 if none.
 */
static uintptr_t task_stack_return_in(const struct task_struct *t,
				      uintptr_t start, uintptr_t end)
{
	const struct switch_frame *sw = (const void *)t->sp;
	uintptr_t lo = (uintptr_t)t->stack, hi = lo + THREAD_SIZE;
	uintptr_t fp = sw->rbp;

	while (fp >= lo && fp + 2 * sizeof(uintptr_t) <= hi &&
	       IS_ALIGNED(fp, sizeof(uintptr_t))) {
		const uintptr_t *frame = (const uintptr_t *)fp;

		if (in_range(frame[1], start, end))
			return frame[1];
		if (frame[0] <= fp)
			break; /* frames go up the stack; anything else ends it */
		fp = frame[0];
	}
	return 0;
}

/* Where @t runs code in [@start, @end), or 0 if it does not. */
static uintptr_t task_code_in(const struct task_struct *t, uintptr_t start,
			      uintptr_t end)
{
	/* A kernel thread that has not returned from its function yet. */
	if (t->threadfn &&
	    !__atomic_load_n(&t->exited.done, __ATOMIC_ACQUIRE) &&
	    in_range((uintptr_t)t->threadfn, start, end))
		return (uintptr_t)t->threadfn;
	return task_stack_return_in(t, start, end);
}

struct task_struct *sched_find_task_in_code(uintptr_t start, uintptr_t end,
					    uintptr_t *where)
{
	uint64_t irq = irq_save();
	struct task_struct *t, *found = NULL;

	list_for_each_entry(t, &init_task.tasks, tasks) {
		if (t == current || t->state == TASK_DEAD || !t->stack)
			continue;
		*where = task_code_in(t, start, end);
		if (*where) {
			found = t;
			get_task_struct(t);
			break;
		}
	}
	irq_restore(irq);
	return found;
}
