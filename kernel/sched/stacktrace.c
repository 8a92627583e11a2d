/*
 * A thread's call chain read from its own stack, for /proc/<pid>/stack
 * and SysRq-T: from the frame sched_switch_stack() left when the thread
 * switched away, up the frame-pointer chain (-fno-omit-frame-pointer),
 * never outside the thread's stack.
 */
#include <kernel/export.h>
#include <kernel/preempt.h>
#include "internal.h"

/* Only frames inside [lo, hi) are followed. */
static bool frame_inside(uintptr_t rbp, uintptr_t lo, uintptr_t hi)
{
	return rbp % 8 == 0 && rbp >= lo && rbp + 16 <= hi;
}

static unsigned int save_chain(uintptr_t ret, uintptr_t rbp, uintptr_t lo,
			       uintptr_t hi, unsigned long *store,
			       unsigned int size, unsigned int skipnr)
{
	unsigned int n = 0;

	while (ret && n < size) {
		const uintptr_t *frame = (const uintptr_t *)rbp;

		if (skipnr)
			skipnr--;
		else
			store[n++] = ret;
		if (!frame_inside(rbp, lo, hi))
			break;
		ret = frame[1];
		if (frame[0] <= rbp)
			break;
		rbp = frame[0];
	}
	return n;
}

unsigned int stack_trace_save_tsk(struct task_struct *t, unsigned long *store,
				  unsigned int size, unsigned int skipnr)
{
	uintptr_t lo = (uintptr_t)t->stack, hi = lo + THREAD_SIZE;
	const struct switch_frame *frame;
	unsigned int n;

	if (t == current) {
		const uintptr_t *fp = __builtin_frame_address(0);

		return save_chain(fp[1], fp[0], lo, hi, store, size, skipnr);
	}
	/* It must not run (and change its stack) while we read it. */
	preempt_disable();
	frame = (const struct switch_frame *)t->sp;
	n = frame_inside(t->sp, lo, hi) ? save_chain(frame->ret, frame->rbp, lo,
						     hi, store, size, skipnr) :
					  0;
	preempt_enable();
	return n;
}
EXPORT_SYMBOL(stack_trace_save_tsk);
