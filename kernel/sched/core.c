/*
 * Tasks and schedule(): the run queue, the switch from one task to the
 * next, swapper/0 idling when nothing can run, and a task's life from its
 * first instruction to the freeing of its stack.  Cooperative: a task
 * runs until it sleeps or yields; nothing takes the CPU from it.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include "internal.h"

/* The boot thread: it runs on the boot stack (boot/entry.asm). */
struct task_struct init_task = {
	.state = TASK_RUNNING,
	.flags = PF_IDLE | PF_KTHREAD,
	.pid = 0,
	.comm = "swapper/0",
	.stack = kernel_stack_bottom,
	.usage = 1,
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.tasks = LIST_HEAD_INIT(init_task.tasks),
};

struct task_struct *current_task = &init_task;
EXPORT_SYMBOL(current_task);

/* Runnable tasks other than current, in the order they will run. */
static LIST_HEAD(runqueue);
static int last_pid;
/* The task switched away from, for the one switched to (finish_switch). */
static struct task_struct *switched_from;

void get_task_struct(struct task_struct *t)
{
	uint64_t irq = irq_save();

	t->usage++;
	irq_restore(irq);
}
EXPORT_SYMBOL(get_task_struct);

void put_task_struct(struct task_struct *t)
{
	uint64_t irq = irq_save();
	bool last = --t->usage == 0;

	if (last)
		list_del(&t->tasks);
	irq_restore(irq);
	if (!last)
		return;
	stack_area_free(t->stack);
	kfree(t);
}
EXPORT_SYMBOL(put_task_struct);

/*
 * Run on the new task right after each switch: a task that ended cannot
 * free its own stack while it runs on it, so the next one drops the
 * reference the dead task held on itself.
 */
static void finish_switch(void)
{
	struct task_struct *prev = switched_from;

	switched_from = NULL;
	if (prev && prev->state == TASK_DEAD)
		put_task_struct(prev);
}

static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	uint64_t now = ktime_get_ns();

	prev->sum_exec_runtime += now - prev->exec_start;
	next->exec_start = now;
	switched_from = prev;
	current_task = next;
	sched_switch_stack(&prev->sp, next->sp);
	/* Back on prev's stack: some later schedule() chose it again. */
	finish_switch();
}

/* excerpt: schedule */
void schedule(void)
{
	uint64_t irq = irq_save();
	struct task_struct *prev = current, *next;

	for (;;) {
		next = sched_pick_next(&runqueue, prev);
		/* Nothing runnable: swapper/0 waits for an interrupt. */
		if (!next)
			next = &init_task;
		if (next != prev)
			context_switch(prev, next);
		if (current->state == TASK_RUNNING)
			break;
		/*
		 * Only swapper/0 gets here asleep: it idles until an
		 * interrupt wakes something.  "sti; hlt" cannot miss one.
		 */
		if (list_empty(&runqueue)) {
			tick_nohz_idle_enter();
			safe_halt();
			cli();
			tick_nohz_idle_exit();
		}
	}
	irq_restore(irq);
}
EXPORT_SYMBOL(schedule);
/* excerpt-end: schedule */

void cpu_startup_entry(void)
{
	/*
	 * Asleep, swapper/0 never goes on the run queue: schedule() comes
	 * back to it only when nothing else is runnable, and halts there.
	 * Nothing wakes it, so schedule() does not return; the loop says
	 * what would happen if something did.
	 */
	for (;;) {
		set_current_state(TASK_IDLE);
		schedule();
	}
}

void yield(void)
{
	schedule();
}
EXPORT_SYMBOL(yield);

int cond_resched(void)
{
	if (list_empty(&runqueue))
		return 0;
	schedule();
	return 1;
}
EXPORT_SYMBOL(cond_resched);

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	uint64_t irq = irq_save();
	bool woken = p->state & state;

	if (woken) {
		p->state = TASK_RUNNING;
		/* current is not on the queue while it runs; schedule() will
		 * requeue it. */
		if (p != current)
			list_add_tail(&p->run_list, &runqueue);
	}
	irq_restore(irq);
	return woken;
}
EXPORT_SYMBOL(wake_up_state);

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}
EXPORT_SYMBOL(wake_up_process);

void sched_task_entry(void (*fn)(void *data), void *data)
{
	/* The switch that started us happened inside schedule(), with
	 * interrupts off; a thread runs with them on (if they can be). */
	finish_switch();
	if (irq_can_enable())
		sti();
	fn(data);
	sched_exit();
}

void sched_exit(void)
{
	cli();
	current->state = TASK_DEAD;
	schedule();
	__builtin_unreachable(); /* no one wakes a dead task */
}

struct task_struct *sched_create_task(void (*fn)(void *data), void *data,
				      const char *comm)
{
	struct task_struct *t = kzalloc(sizeof(*t), GFP_KERNEL);
	struct switch_frame *frame;
	uint64_t irq;

	if (!t)
		return NULL;
	t->stack = stack_area_alloc(THREAD_SIZE);
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	frame = (struct switch_frame *)((char *)t->stack + THREAD_SIZE) - 1;
	*frame = (struct switch_frame){ .rbx = (uintptr_t)sched_task_entry,
					.r12 = (uintptr_t)fn,
					.r13 = (uintptr_t)data,
					.ret = (uintptr_t)sched_thread_start };
	t->sp = (uintptr_t)frame;
	t->state = TASK_UNINTERRUPTIBLE;
	t->usage = 1;
	strlcpy(t->comm, comm, sizeof(t->comm));
	INIT_LIST_HEAD(&t->run_list);
	irq = irq_save();
	t->pid = ++last_pid;
	list_add_tail(&t->tasks, &init_task.tasks);
	irq_restore(irq);
	return t;
}
