/*
 * The scheduler's private parts: the pure fair policy, which the host
 * unit tests run unchanged, and the context switch in assembly.
 */
#ifndef KERNEL_SCHED_INTERNAL_H
#define KERNEL_SCHED_INTERNAL_H

#include <kernel/sched.h>
#include <kernel/time.h>

/* The weight of nice 0 (Linux's NICE_0_LOAD): vruntime runs at real time. */
#define NICE_0_LOAD 1024

/*
 * Linux's sysctl_sched_latency, _min_granularity and _wakeup_granularity
 * (for one CPU): the period in which every runnable task runs once, the
 * shortest slice, and how far ahead of a woken task current must be for
 * the wake-up to preempt it.  Slices only end at a tick, so while a tick
 * (NSEC_PER_SEC / HZ) is longer than these the slice is in effect one
 * tick; with a faster tick they act as on Linux.  The wake-up granularity
 * needs no tick: a wake-up preempts at once.
 */
#define SCHED_LATENCY_NS (6000 * NSEC_PER_USEC)
#define SCHED_MIN_GRANULARITY_NS (750 * NSEC_PER_USEC)
#define SCHED_WAKEUP_GRANULARITY_NS (1000 * NSEC_PER_USEC)

/*
 * The run queue (Linux's cfs_rq): the runnable tasks but current, sorted
 * by vruntime, smallest first (a list: a handful of threads, so a sorted
 * insert costs less than an rbtree's code); min_vruntime, which only goes
 * forward, is where new and woken tasks are placed.  swapper/0 is never
 * in it: it runs when it is empty.
 */
struct cfs_rq {
	struct list_head tasks; /* of sched_entity.run_node */
	unsigned long load;	/* the sum of their weights */
	uint64_t min_vruntime;
};

/* Linux's sched_prio_to_weight[]: nice -20 .. 19, each step ~1.25x. */
extern const unsigned long sched_prio_to_weight[NICE_WIDTH];

/*
 * The pure part of the fair policy (pick.c): no locks, no allocation, no
 * clock -- the time comes in as an argument -- so the host unit tests run
 * it unchanged.  The caller keeps interrupts off around each call.
 *
 * sched_set_weight - @se's weight for nice @nice (-20..19).
 * sched_calc_delta_fair - @delta ns of CPU as @se's vruntime advance.
 * sched_update_curr - charge current @curr (on @rq, or NULL for none) for
 *   the time since its exec_start until @now: sum_exec_runtime, vruntime,
 *   then min_vruntime.
 * sched_enqueue / sched_dequeue - put @se in / take it out of @rq's order
 *   (after the tasks with the same vruntime: first come, first served).
 * sched_place_woken - @se wakes: max(its vruntime, min_vruntime - half
 *   a latency period), so a sleeper is a little ahead but cannot bank
 *   the time it slept.  sched_place_yield - behind every queued task.
 * sched_pick_next - the task to run: @prev (NULL for none) goes back
 *   into the queue, the one with the least vruntime leaves it; NULL if
 *   the queue is empty.
 * sched_tick_preempt - true if @curr, picked with the queue as it is,
 *   has run its slice or is a slice ahead of the first queued task.
 * sched_wakeup_preempt - true if woken @p should run before @curr.
 */
void sched_set_weight(struct sched_entity *se, int nice);
uint64_t sched_calc_delta_fair(uint64_t delta, const struct sched_entity *se);
void sched_update_curr(struct cfs_rq *rq, struct task_struct *curr,
		       uint64_t now);
void sched_enqueue(struct cfs_rq *rq, struct sched_entity *se);
void sched_dequeue(struct cfs_rq *rq, struct sched_entity *se);
void sched_place_woken(const struct cfs_rq *rq, struct sched_entity *se);
void sched_place_yield(const struct cfs_rq *rq, struct sched_entity *se);
struct task_struct *sched_pick_next(struct cfs_rq *rq,
				    struct task_struct *prev);
bool sched_tick_preempt(const struct cfs_rq *rq,
			const struct task_struct *curr);
bool sched_wakeup_preempt(const struct task_struct *curr,
			  const struct task_struct *p);

/* The one run queue (core.c). */
extern struct cfs_rq sched_rq;

/*
 * sched_update_current - charge current for its CPU time up to now (its
 * vruntime too, unless it is swapper/0).  Interrupts off.  core.c.
 */
void sched_update_current(void);

/*
 * __schedule - switch to the task the policy picks; come back when
 * current runs again.  @preempt: current is taken from, not giving up,
 * the CPU, so it stays runnable whatever its state.  Called with
 * preemption disabled, interrupts either way (each task gets its own
 * flag back).  core.c.
 */
void __schedule(bool preempt);

/* sched_preempt_init - hand the cpu layer the switch preemption makes
 * (fair.c).  __init, from sched_init(). */
void sched_preempt_init(void);

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

/*
 * sched_run_exit_hook - run the hooks sched_exit_hook_register() added
 * on current, a kernel thread whose function has returned (kthread.c).
 */
void sched_run_exit_hook(void);

/*
 * sched_run_reap_hook - run the hooks sched_reap_hook_register() added on
 * @t, a kernel thread an oops ended, from kthread_stop() (kthread.c).
 */
void sched_run_reap_hook(struct task_struct *t);

/*
 * softlockup_tick - from scheduler_tick(), interrupts off: count the
 * ticks current keeps the CPU with preemption off, and report a soft
 * lockup (CONFIG_SOFTLOCKUP_DETECTOR; nothing without it).
 */
#ifdef CONFIG_SOFTLOCKUP_DETECTOR
void softlockup_tick(void);
#else
static inline void softlockup_tick(void)
{
}
#endif

/*
 * lockdep_init_task / lockdep_free_task - start and end @t's stack of
 * held locks; lockdep_sched_init - swapper/0's, and lockdep told where
 * the running task's is (CONFIG_LOCKDEP; nothing without it).
 */
#ifdef CONFIG_LOCKDEP
#define lockdep_init_task(t)                                  \
	lockdep_task_init(&(t)->lockdep, (t)->comm, (t)->pid, \
			  (uintptr_t)(t)->stack,              \
			  (uintptr_t)(t)->stack + THREAD_SIZE)
#define lockdep_free_task(t) lockdep_task_free(&(t)->lockdep)
static inline struct lockdep_task *lockdep_current_task(void)
{
	return &current->lockdep;
}
static inline void lockdep_sched_init(void)
{
	lockdep_init_task(&init_task);
	lockdep_current_register(lockdep_current_task);
}
#else
#define lockdep_init_task(t) ((void)0)
#define lockdep_free_task(t) ((void)0)
static inline void lockdep_sched_init(void)
{
}
#endif

#endif
