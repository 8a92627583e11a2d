/*
 * A thread's call chain read from its own stack, for /proc/<pid>/stack
 * and SysRq-T (sched_show_task(), show_state()): from the frame
 * sched_switch_stack() left when the thread switched away, up the
 * frame-pointer chain (stack_trace_save_chain()), never outside the
 * thread's stack.
 */
#include <kernel/export.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include "internal.h"
#include "ps.h"

unsigned int stack_trace_save_tsk(struct task_struct *t, unsigned long *store,
				  unsigned int size, unsigned int skipnr)
{
	uintptr_t lo = (uintptr_t)t->stack, hi = lo + THREAD_SIZE;
	const struct switch_frame *frame;
	unsigned int n;

	if (t == current)
		return stack_trace_save_chain((uintptr_t)__builtin_frame_address(
						      0),
					      lo, hi, store, size, skipnr);
	/*
	 * It must not run (and change its stack) while we read it.  The
	 * switch frame's rbp and ret are a frame like any other.
	 */
	preempt_disable();
	frame = (const struct switch_frame *)t->sp;
	n = stack_trace_save_chain((uintptr_t)&frame->rbp, lo, hi, store, size,
				   skipnr);
	preempt_enable();
	return n;
}
EXPORT_SYMBOL(stack_trace_save_tsk);

#define SHOW_TASK_DEPTH 32

void sched_show_task(struct task_struct *p)
{
	unsigned long entries[SHOW_TASK_DEPTH];
	unsigned int n = stack_trace_save_tsk(p, entries, SHOW_TASK_DEPTH, 0);
	char sym[KSYM_SYMBOL_LEN];

	/* Linux's layout; stack use is not measured (0), flags are PF_*. */
	pr_info("task:%-15.15s state:%c%s stack:%-5lu pid:%-5d ppid:%-6d flags:0x%08x\n",
		p->comm, ps_state_char(p->state),
		p->state == TASK_RUNNING ? "  running task    " : "", 0ul,
		p->pid, 0, p->flags);
	printk(KERN_INFO "Call Trace:\n");
	printk(KERN_INFO " <TASK>\n");
	for (unsigned int i = 0; i < n; i++) {
		sprint_backtrace(sym, sizeof(sym), entries[i]);
		printk(KERN_INFO " %s\n", sym);
	}
	printk(KERN_INFO " </TASK>\n");
}
EXPORT_SYMBOL(sched_show_task);

void show_state(void)
{
	struct task_struct *t;

	/* On one CPU, no task can end and be freed while we walk. */
	preempt_disable();
	sched_show_task(&init_task);
	list_for_each_entry(t, &init_task.tasks, tasks)
		sched_show_task(t);
	preempt_enable();
}
EXPORT_SYMBOL(show_state);
