/*
 * Tasks and schedule(): the run queue, the switch from one task to the
 * next, swapper/0 idling when nothing can run, waking, and a task's life
 * from its first instruction to the freeing of its stack.  The policy is
 * pick.c's; the tick and the other preemption points are in fair.c.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/softirq.h>
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
	.static_prio = DEFAULT_PRIO,
	.se = { .weight = NICE_0_LOAD,
		.run_node = LIST_HEAD_INIT(init_task.se.run_node) },
	.tasks = LIST_HEAD_INIT(init_task.tasks),
};

struct task_struct *current_task = &init_task;
EXPORT_SYMBOL(current_task);

struct cfs_rq sched_rq = { .tasks = LIST_HEAD_INIT(sched_rq.tasks) };
static int last_pid;
/* The workqueue's hooks for its workers' sleeps (PF_WQ_WORKER only). */
static const struct sched_worker_ops *worker_ops;
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
	lockdep_free_task(t);
	stack_area_free(t->stack);
	kfree(t);
}
EXPORT_SYMBOL(put_task_struct);

void sched_update_current(void)
{
	/* swapper/0 counts its CPU time, but has no place in the order. */
	sched_update_curr(current == &init_task ? NULL : &sched_rq, current,
			  ktime_get_ns());
}

uint64_t task_sched_runtime(struct task_struct *p)
{
	uint64_t irq = irq_save();
	uint64_t ns;

	if (p == current)
		sched_update_current();
	ns = p->sum_exec_runtime;
	irq_restore(irq);
	return ns;
}
EXPORT_SYMBOL(task_sched_runtime);

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
	/* As Linux's __schedule() counts them, save that a task preempted
	 * between set_current_state() and schedule() counts as asleep. */
	if (prev->state == TASK_RUNNING)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	next->exec_start = ktime_get_ns();
	switched_from = prev;
	current_task = next;
	sched_switch_stack(&prev->sp, next->sp);
	/* Back on prev's stack: some later schedule() chose it again. */
	finish_switch();
}

/*
 * What goes back into the queue as @prev gives up the CPU: itself if it
 * can run on -- or was preempted, whatever its state: it may be between
 * set_current_state() and the check of what it waits for, and must get
 * to that check -- else nothing, and it is off the run queue until woken.
 */
static struct task_struct *prev_to_requeue(struct task_struct *prev,
					   bool preempt)
{
	if (prev == &init_task)
		return NULL;
	if (prev->state == TASK_RUNNING || preempt)
		return prev;
	prev->se.on_rq = false;
	return NULL;
}

/* excerpt: schedule */
void __schedule(bool preempt)
{
	uint64_t irq = irq_save();
	struct task_struct *prev = current, *next;

	for (;;) {
		sched_update_current();
		next = sched_pick_next(&sched_rq,
				       prev_to_requeue(prev, preempt));
		/* Nothing runnable: swapper/0 waits for an interrupt. */
		if (!next)
			next = &init_task;
		/* Its slice starts now (sched_tick_preempt()). */
		next->se.prev_sum_exec_runtime = next->sum_exec_runtime;
		clear_preempt_need_resched();
		if (next != prev)
			context_switch(prev, next);
		if (current->state == TASK_RUNNING || preempt)
			break;
		/*
		 * Only swapper/0 gets here asleep: it idles until an
		 * interrupt wakes something.  "sti; hlt" cannot miss one.
		 * Softirqs left pending would wait for that interrupt: run
		 * them first, with interrupts on as the halt would have.
		 */
		if (local_softirq_pending())
			__do_softirq();
		else if (list_empty(&sched_rq.tasks)) {
			tick_nohz_idle_enter();
			safe_halt();
			cli();
			tick_nohz_idle_exit();
		}
	}
	irq_restore(irq);
}
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

/* Linux's report, then the backtrace of the caller that broke the rule. */
static void schedule_bug(struct task_struct *prev)
{
	printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n",
	       prev->comm, prev->pid, preempt_count());
	dump_stack_print_info(KERN_ERR);
	dump_backtrace(0, (uintptr_t)__builtin_frame_address(0));
}

void sched_worker_ops_register(const struct sched_worker_ops *ops)
{
	worker_ops = ops;
}

void schedule(void)
{
	unsigned int atomic = preempt_count();
	bool worker = current->flags & PF_WQ_WORKER;

	if (unlikely(atomic)) {
		schedule_bug(current);
		/* An interrupt handler switched out would never finish. */
		if (atomic & HARDIRQ_MASK)
			return;
		/* Keep the caller's count for when it runs again, so its
		 * own preempt_enable()s still balance; others start at 0. */
		preempt_count_sub(atomic);
	}
	preempt_disable();
	if (worker && current->state != TASK_RUNNING)
		worker_ops->sleeping(current);
	__schedule(false);
	if (worker)
		worker_ops->running(current);
	preempt_enable_no_resched();
	preempt_count_add(atomic);
}
EXPORT_SYMBOL(schedule);

/* Place and queue @p, which wakes, and see whether it should run first. */
static void activate_task(struct task_struct *p)
{
	/* swapper/0 is the idle task: it runs when the queue is empty. */
	if (p == &init_task)
		return;
	sched_update_current();
	sched_place_woken(&sched_rq, &p->se);
	sched_enqueue(&sched_rq, &p->se);
	p->se.on_rq = true;
	/* swapper/0 gives way to anything; others by vruntime. */
	if (current == &init_task || sched_wakeup_preempt(current, p))
		set_preempt_need_resched();
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	uint64_t irq;
	bool woken;

	/* As Linux's try_to_wake_up(): if @p should run before current,
	 * the switch comes at the preempt_enable(), once interrupts are
	 * back on; inside an irq_save() section, at the next tick. */
	preempt_disable();
	irq = irq_save();
	woken = p->state & state;

	if (woken) {
		p->state = TASK_RUNNING;
		/* current, and a task preempted before it could sleep, are
		 * still on the run queue: the state is all they need. */
		if (!p->se.on_rq)
			activate_task(p);
	}
	irq_restore(irq);
	preempt_enable();
	return woken;
}
EXPORT_SYMBOL(wake_up_state);

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}
EXPORT_SYMBOL(wake_up_process);

typedef void (*sched_hook_fn)(struct task_struct *t);
static sched_hook_fn sched_exit_hooks[SCHED_HOOKS_MAX];
static sched_hook_fn sched_fork_hooks[SCHED_HOOKS_MAX];
static sched_hook_fn sched_reap_hooks[SCHED_HOOKS_MAX];

/* Put @hook in the first free slot of @hooks. */
static void sched_hook_add(sched_hook_fn *hooks, sched_hook_fn hook)
{
	for (int i = 0; i < SCHED_HOOKS_MAX; i++)
		if (!hooks[i]) {
			hooks[i] = hook;
			return;
		}
	pr_err("sched: no room for hook %ps (SCHED_HOOKS_MAX %d)\n", hook,
	       SCHED_HOOKS_MAX);
}

static void sched_hooks_run(sched_hook_fn *hooks, struct task_struct *t)
{
	for (int i = 0; i < SCHED_HOOKS_MAX && hooks[i]; i++)
		hooks[i](t);
}

void sched_exit_hook_register(void (*hook)(struct task_struct *t))
{
	sched_hook_add(sched_exit_hooks, hook);
}

void sched_fork_hook_register(void (*hook)(struct task_struct *t))
{
	sched_hook_add(sched_fork_hooks, hook);
}

void sched_reap_hook_register(void (*hook)(struct task_struct *t))
{
	sched_hook_add(sched_reap_hooks, hook);
}

void sched_run_exit_hook(void)
{
	sched_hooks_run(sched_exit_hooks, current);
}

void sched_run_reap_hook(struct task_struct *t)
{
	sched_hooks_run(sched_reap_hooks, t);
}

void sched_task_entry(void (*fn)(void *data), void *data)
{
	/* The switch that started us happened inside schedule(), with
	 * interrupts and preemption off; a thread runs with both on (the
	 * interrupts if they can be). */
	finish_switch();
	preempt_enable_no_resched();
	if (irq_can_enable())
		sti();
	fn(data);
	sched_exit();
}

void sched_exit(void)
{
	unsigned int atomic;

	cli();
	atomic = preempt_count();
	/* An oops may end a thread inside a preempt_disable() section. */
	if (atomic) {
		pr_info("note: %s[%d] exited with preempt_count %u\n",
			current->comm, current->pid, atomic);
		preempt_count_sub(atomic);
	}
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
	t->static_prio = DEFAULT_PRIO;
	sched_set_weight(&t->se, 0);
	INIT_LIST_HEAD(&t->se.run_node);
	irq = irq_save();
	/* It starts level with the others, not 0 behind everyone. */
	t->se.vruntime = sched_rq.min_vruntime;
	t->pid = ++last_pid;
	list_add_tail(&t->tasks, &init_task.tasks);
	irq_restore(irq);
	lockdep_init_task(t);
	sched_hooks_run(sched_fork_hooks, t);
	return t;
}
