/*
 * The scheduler's private parts: the pure choice of the next task, which
 * the host unit tests run unchanged, and the context switch in assembly.
 */
#ifndef KERNEL_SCHED_INTERNAL_H
#define KERNEL_SCHED_INTERNAL_H

#include <kernel/sched.h>

/*
 * sched_pick_next - the task to run after @prev: @prev goes to the back
 * of @runqueue if it is still TASK_RUNNING, then the task at the front
 * leaves the queue and is returned (@prev itself when it is the only
 * runnable one).  NULL when nothing is runnable.  Pure: no locks, no
 * allocation; the caller keeps interrupts off around it.
 */
struct task_struct *sched_pick_next(struct list_head *runqueue,
				    struct task_struct *prev);

/*
 * sched_switch_stack - save the callee-saved registers on the current
 * stack, store the stack pointer in *@save_sp, load @new_sp and restore
 * the registers saved there; "returns" on the new stack (switch.asm).
 */
void sched_switch_stack(uintptr_t *save_sp, uintptr_t new_sp);

/* Where a new task's first sched_switch_stack() returns to (switch.asm):
 * it calls rbx(r12, r13), that is sched_task_entry(fn, data). */
extern char sched_thread_start[];

/*
 * The frame sched_switch_stack() pops, lowest address first: the reverse
 * of the order switch.asm pushes.  A new task's stack starts with one.
 */
struct switch_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp;
	uint64_t ret; /* the address sched_switch_stack() returns to */
};

/* sched_task_entry - a new task's first C code (core.c). */
__noreturn void sched_task_entry(void (*fn)(void *data), void *data);

/*
 * kthread_end_after_oops - end current, a thread an oops hit: its
 * kthread_stop() sees -EFAULT; the task switched to frees its stack.
 * Called by the oops with interrupts off; never returns (kthread.c).
 */
__noreturn void kthread_end_after_oops(void);

#endif
