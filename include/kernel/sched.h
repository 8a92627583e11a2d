/*
 * Tasks and the scheduler: each thread of the kernel is a task_struct with
 * its own kernel stack; schedule() gives the CPU to the runnable task that
 * has had the least of it, weighted by its nice level.  The timer tick,
 * interrupt exit and preempt_enable() switch tasks too: a thread is
 * preempted (docs/architecture.md, "Threads").
 */
#ifndef KERNEL_SCHED_H
#define KERNEL_SCHED_H

#include <kernel/list.h>
#include <kernel/lockdep.h>
#include <kernel/types.h>

/* Linux's values (include/linux/sched.h), so TASK_NORMAL reads the same. */
#define TASK_RUNNING 0x0000u
#define TASK_INTERRUPTIBLE 0x0001u
#define TASK_UNINTERRUPTIBLE 0x0002u
#define TASK_DEAD 0x0080u
#define TASK_WAKEKILL 0x0100u /* SIGKILL wakes it: with UNINTERRUPTIBLE */
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_NOLOAD 0x0400u
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
/* Asleep with nothing to do: not woken by signals, shown as I by ps. */
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)

/* task_struct.flags: Linux's values (include/linux/sched.h). */
#define PF_IDLE 0x00000002u	 /* the idle task, swapper/0 */
#define PF_WQ_WORKER 0x00000020u /* a workqueue's worker, a kworker */
#define PF_KTHREAD 0x00200000u	 /* a kernel thread: ps shows it [bracketed] */

#define TASK_COMM_LEN 16
/* Each thread's kernel stack: 16 KiB, as Linux's THREAD_SIZE on x86-64;
 * twice that under KASAN, whose red zones grow every frame (as Linux's
 * KASAN_STACK_ORDER). */
#ifdef CONFIG_KASAN
#define THREAD_SIZE (32ul << 10)
#else
#define THREAD_SIZE (16ul << 10)
#endif

/* ---- Wait queues and completions (kernel/sched/wait.c, completion.c) ---- */

struct wait_queue_head {
	struct list_head head; /* of wait_queue_entry, oldest first */
};

/* One task waiting on a queue; it lives on the waiter's stack. */
struct wait_queue_entry {
	struct task_struct *task;
	bool exclusive; /* woken one at a time (complete(), wake_up()) */
	struct list_head entry;
};

#define WAIT_QUEUE_HEAD_INITIALIZER(name)   \
	{                                   \
		LIST_HEAD_INIT((name).head) \
	}

/* A completion's count after complete_all(): no waiter consumes it. */
#define COMPLETION_DONE_ALL (~0u)

struct completion {
	unsigned int done; /* COMPLETION_DONE_ALL once complete_all() ran */
	struct wait_queue_head wait;
};

#define COMPLETION_INITIALIZER(name)                        \
	{                                                   \
		0, WAIT_QUEUE_HEAD_INITIALIZER((name).wait) \
	}

/* ---- Tasks ---- */

/* Nice levels and priorities, Linux's (include/linux/sched/prio.h). */
#define MIN_NICE (-20)
#define MAX_NICE 19
#define NICE_WIDTH (MAX_NICE - MIN_NICE + 1)
#define MAX_RT_PRIO 100
#define DEFAULT_PRIO (MAX_RT_PRIO + NICE_WIDTH / 2)
#define NICE_TO_PRIO(nice) ((nice) + DEFAULT_PRIO)
#define PRIO_TO_NICE(prio) ((prio)-DEFAULT_PRIO)

/*
 * What the fair scheduler keeps of a task (Linux's struct sched_entity):
 * its weight from the nice level, its virtual runtime -- ns run, scaled
 * by 1024 / weight -- and its place among the runnable tasks.
 */
struct sched_entity {
	unsigned long weight;		/* sched_prio_to_weight[] of its nice */
	uint64_t vruntime;		/* the run queue is sorted by it */
	uint64_t prev_sum_exec_runtime; /* sum_exec_runtime when picked */
	struct list_head run_node;	/* in the run queue while waiting */
	bool on_rq;			/* runnable: queued, or current */
};

/*
 * sched_init - register with the oops, which then names the task an
 * exception hit and ends a thread alone, and with the cpu layer, which
 * then preempts at interrupt exit and preempt_enable().  The boot thread
 * is task 0 from the start (init_task).  __init; after idt_init().
 */
void sched_init(void);

struct fs_struct;
struct files_struct;

struct task_struct {
	uintptr_t sp; /* saved by sched_switch_stack() while not running */
	unsigned int state; /* TASK_* */
	unsigned int flags; /* PF_* */
	int pid;	    /* 0: the boot thread, swapper/0; 1: the shell */
	char comm[TASK_COMM_LEN];
	void *stack;	 /* lowest address of the kernel stack */
	int usage;	 /* references; the last put frees the task */
	int static_prio; /* NICE_TO_PRIO(nice) */
	struct sched_entity se;
	struct list_head tasks; /* in the list of every task */
	/* CPU time: ns run in all (ps's TIME), and when it last started. */
	uint64_t sum_exec_runtime;
	uint64_t exec_start;
	/* Switches away: asleep (voluntary) and still runnable (not). */
	unsigned long nvcsw, nivcsw;
	/* Kernel threads (kernel/sched/kthread.c); unused by swapper/0. */
	int (*threadfn)(void *data);
	void *data;
	bool should_stop;
	int exit_code;
	/* Signals (kernel/sched/signal.c): bit sig - 1 of each mask. */
	unsigned long sig_pending; /* sent, not yet flushed */
	unsigned long sig_allowed; /* allow_signal(): the rest are ignored */
	struct completion exited;  /* completed when the thread has ended */
	bool oopsed; /* ended by an oops: its exit hooks did not run */
	/* Files (kernel/fs/): working directory and open files, or NULL. */
	struct fs_struct *fs;
	struct files_struct *files;
	/* The memory it may pass to user copies (include/kernel/uaccess.h). */
	uintptr_t user_start, user_end;
#ifdef CONFIG_DETECT_HUNG_TASK
	/*
	 * khungtaskd's view (kernel/sched/hung_task.c): nvcsw + nivcsw when
	 * it last changed, and when that was (jiffies).  Last in the
	 * struct, so modules built without the switch see the same layout.
	 */
	unsigned long last_switch_count;
	uint64_t last_switch_time;
	bool hung_reported;
#endif
#ifdef CONFIG_LOCKDEP
	/* The locks it holds, for lockdep (kernel/locking/lockdep.c). */
	struct lockdep_task lockdep;
#endif
};

/* The task running now; Linux's name, as a variable on one CPU. */
extern struct task_struct *current_task;
#define current current_task

/* swapper/0: the boot thread, which is also the idle task. */
extern struct task_struct init_task;

/* is_global_init - is @t PID 1, the task the system cannot do without
 * (Linux's init; Sprout's shell)? */
static inline bool is_global_init(const struct task_struct *t)
{
	return t->pid == 1;
}

/*
 * cpu_startup_entry - what the boot thread does once boot is over: idle
 * for ever, as swapper/0 (Linux's name).  It sleeps in TASK_IDLE and
 * schedule() halts the CPU whenever nothing else can run.
 */
__noreturn void cpu_startup_entry(void);

/*
 * set_current_state - mark current about to sleep (TASK_INTERRUPTIBLE or
 * TASK_UNINTERRUPTIBLE) before checking the condition it waits for, so a
 * wake-up that comes between the check and schedule() is not lost.
 */
static inline void set_current_state(unsigned int state)
{
	__atomic_store_n(&current->state, state, __ATOMIC_SEQ_CST);
}
#define __set_current_state(state) set_current_state(state)

/*
 * schedule - give the CPU to the runnable task with the least virtual
 * runtime; come back when current is runnable again and its turn comes.
 * A current still TASK_RUNNING stays runnable; one in a sleeping state
 * leaves the run queue until wake_up_process().  When nothing can run,
 * swapper/0 halts the CPU until an interrupt makes something runnable.
 * Not from interrupt context, not with preemption disabled (a spinlock
 * held): that prints "BUG: scheduling while atomic" and goes on.
 */
void schedule(void);

/*
 * How the workqueue (a layer above) learns that one of its workers
 * (PF_WQ_WORKER) goes to sleep in schedule() and that it runs again, so
 * that another worker takes the queued items meanwhile: Linux's
 * wq_worker_sleeping() and wq_worker_running().  Both are called from
 * schedule() with preemption off.  sched_worker_ops_register - install
 * them (one set; the workqueue's init).
 */
struct sched_worker_ops {
	void (*sleeping)(struct task_struct *t);
	void (*running)(struct task_struct *t);
};
void sched_worker_ops_register(const struct sched_worker_ops *ops);

/*
 * How the file layer (above) closes what a thread leaves open, as
 * Linux's do_exit() calls exit_files() and exit_fs(), and keeps
 * /proc/<pid> in step with the tasks:
 * sched_exit_hook_register - add @hook (at most SCHED_HOOKS_MAX; the fs
 * layer's init), called in registration order in the ending kernel
 * thread's context, which may still sleep, once its function has
 * returned.  Not for a thread an oops ended (interrupts are off there):
 * what it held stays, as its locks do.
 * sched_fork_hook_register - add @hook, called with each new task once
 * it has its PID and is in the task list, in its creator's context
 * (which may sleep), before sched_create_task() returns.
 * sched_reap_hook_register - add @hook, called with a kernel thread an
 * oops ended (its exit hooks never ran) by kthread_stop(), in the
 * stopper's context, which may sleep: what can be undone without the
 * thread (its /proc/<pid>/), as Linux's release_task() flushes /proc.
 */
#define SCHED_HOOKS_MAX 4
void sched_exit_hook_register(void (*hook)(struct task_struct *t));
void sched_fork_hook_register(void (*hook)(struct task_struct *t));
void sched_reap_hook_register(void (*hook)(struct task_struct *t));

/* yield - let every other runnable task run before current goes on:
 * current goes behind them all, as Linux's. */
void yield(void);

/*
 * cond_resched - switch if the scheduler asked for it (need_resched()):
 * the slice ran out, or a task that should run first woke.  Returns 1 if
 * it switched, else 0, as Linux's.
 */
int cond_resched(void);

/*
 * set_user_nice - give @p the nice level @nice (clamped to -20..19): its
 * weight, and so its share of the CPU, follows Linux's table.  Any task,
 * running or not; may reschedule at once.  task_nice - @p's nice level.
 */
void set_user_nice(struct task_struct *p, long nice);
int task_nice(const struct task_struct *p);

/*
 * scheduler_tick - the timer tick's part in scheduling: account current's
 * CPU time and ask for a switch when its slice has run out.  Called from
 * the timer interrupt, HZ times a second.
 */
void scheduler_tick(void);

/* task_sched_runtime - the ns @p has run, up to now if it is running. */
uint64_t task_sched_runtime(struct task_struct *p);

/*
 * wake_up_process - make @p runnable if it sleeps.  True if it was
 * sleeping, false if it was already running (or dead).  Any context,
 * interrupt handlers included.
 */
bool wake_up_process(struct task_struct *p);

/* wake_up_state - as wake_up_process(), only if @p sleeps in a state of
 * @state (TASK_INTERRUPTIBLE: not an uninterruptible sleeper). */
bool wake_up_state(struct task_struct *p, unsigned int state);

/*
 * sched_create_task - a new task named by @comm that will call @fn(@data)
 * on its own THREAD_SIZE stack (guard page below) once woken; it starts
 * TASK_UNINTERRUPTIBLE, holding one reference, dropped when it ends.
 * NULL if memory is short.  sched_exit() ends the calling task.
 */
struct task_struct *sched_create_task(void (*fn)(void *data), void *data,
				      const char *comm);
__noreturn void sched_exit(void);

/*
 * sched_find_task_in_code - a task, other than current and not ended,
 * that runs code in [@start, @end): a kernel thread whose function is
 * there and has not returned, or one with a return address there on its
 * stack.  *@where is that address.  The task comes with a reference
 * (put_task_struct() it), NULL if there is none.  For the module loader,
 * before it frees a module's code (kernel/sched/task_code.c).
 */
struct task_struct *sched_find_task_in_code(uintptr_t start, uintptr_t end,
					    uintptr_t *where);

/* get_task_struct / put_task_struct - take or drop a reference to @t; the
 * last put frees its stack and the task. */
void get_task_struct(struct task_struct *t);
void put_task_struct(struct task_struct *t);

/*
 * stack_trace_save_tsk - the return addresses on @t's kernel stack, from
 * where it last switched away (or from the caller, for current), at most
 * @size of them into @store after skipping @skipnr: how many were stored.
 * The caller holds a reference on @t (get_task_struct()).  Linux's name;
 * kernel/sched/stacktrace.c.
 */
unsigned int stack_trace_save_tsk(struct task_struct *t, unsigned long *store,
				  unsigned int size, unsigned int skipnr);

/*
 * sched_show_task - log @t's state line and call trace as Linux's
 * SysRq-T does ("task:<comm> state:S ... pid:N", "Call Trace:", the
 * frames between <TASK> and </TASK>); the caller holds a reference.
 * show_state - the same for every task.  Neither sleeps.
 */
void sched_show_task(struct task_struct *t);
void show_state(void);

/*
 * might_sleep - mark a function that may sleep.  In the debug kernel
 * (CONFIG_DEBUG_ATOMIC_SLEEP) a call in atomic context -- a spinlock
 * held, preemption disabled, an interrupt handler -- prints Linux's
 * "BUG: sleeping function called from invalid context" report, once per
 * call site (the caller of the function marked), and goes on; elsewhere
 * it compiles to nothing.
 */
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
/* excerpt: might-sleep-macro */
void __might_sleep(const char *file, int line, uintptr_t caller);
#define might_sleep()                     \
	__might_sleep(__FILE__, __LINE__, \
		      (uintptr_t)__builtin_return_address(0))
/* excerpt-end: might-sleep-macro */
/*
 * might_sleep_forget - the code at [@start, @start + @size) is freed (a
 * module's): forget its call sites, so that a module loaded there next,
 * or the same one loaded again, is reported anew.  Any context.
 */
void might_sleep_forget(const void *start, size_t size);
#else
#define might_sleep() \
	do {          \
	} while (0)
static inline void might_sleep_forget(const void *start, size_t size)
{
	(void)start;
	(void)size;
}
#endif

/* ---- Waiting ---- */

/* init_waitqueue_head - an empty queue. */
void init_waitqueue_head(struct wait_queue_head *wq);

/*
 * prepare_to_wait / prepare_to_wait_exclusive - queue @w for current on
 * @wq (if not queued yet) and set current's @state; the caller then
 * checks its condition and calls schedule() if it does not hold.
 * finish_wait - set current running and take @w off the queue.
 */
void init_wait_entry(struct wait_queue_entry *w);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *w,
		     unsigned int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq,
			       struct wait_queue_entry *w, unsigned int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *w);

/*
 * __wake_up - wake the tasks on @wq sleeping in a state of @mode: every
 * non-exclusive one, and exclusive ones until @nr_exclusive were woken
 * (0: all).  Each woken entry leaves the queue.  Any context.
 */
void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr_exclusive);

#define wake_up(wq) __wake_up(wq, TASK_NORMAL, 1)
#define wake_up_all(wq) __wake_up(wq, TASK_NORMAL, 0)

/* excerpt: wait-event */
/* wait_event - sleep uninterruptibly until @cond holds. */
#define wait_event(wq, cond)                                                   \
	do {                                                                   \
		struct wait_queue_entry __wait;                                \
		might_sleep();                                                 \
		if (cond)                                                      \
			break;                                                 \
		init_wait_entry(&__wait);                                      \
		for (;;) {                                                     \
			prepare_to_wait(&(wq), &__wait, TASK_UNINTERRUPTIBLE); \
			if (cond)                                              \
				break;                                         \
			schedule();                                            \
		}                                                              \
		finish_wait(&(wq), &__wait);                                   \
	} while (0)
/* excerpt-end: wait-event */

/* ---- Signals, as kernel code sees them (kernel/sched/signal.c) ---- */

/* Linux's numbers (x86 <asm/signal.h>). */
#define SIGINT 2
#define SIGKILL 9
#define SIGSEGV 11
#define SIGPIPE 13
#define SIGTERM 15
#define _NSIG 64

/*
 * send_sig - mark signal @sig pending for @p and wake it if it sleeps
 * interruptibly.  A thread ignores every signal it has not allowed
 * (allow_signal()), as Linux's kernel threads do.  @priv is accepted for
 * Linux's signature.  Returns 0, or -EINVAL for a bad @sig.  Any context.
 */
int send_sig(int sig, struct task_struct *p, int priv);

/* allow_signal - let current receive @sig; disallow_signal - ignore it
 * again (and drop it if pending). */
void allow_signal(int sig);
void disallow_signal(int sig);

/* flush_signals - forget every signal pending for @p. */
void flush_signals(struct task_struct *p);

/* signal_pending - has @p a signal waiting?  Then an interruptible wait
 * returns -ERESTARTSYS instead of sleeping. */
static inline int signal_pending(const struct task_struct *p)
{
	return __atomic_load_n(&p->sig_pending, __ATOMIC_RELAXED) != 0;
}

/*
 * signal_pending_state - should a sleep in @state end for @p's signals:
 * any in TASK_INTERRUPTIBLE, SIGKILL in TASK_KILLABLE, none otherwise.
 */
static inline bool signal_pending_state(unsigned int state,
					const struct task_struct *p)
{
	if (state & TASK_INTERRUPTIBLE)
		return signal_pending(p);
	return (state & TASK_WAKEKILL) &&
	       (__atomic_load_n(&p->sig_pending, __ATOMIC_RELAXED) &
		(1ul << (SIGKILL - 1)));
}

/*
 * wait_event_interruptible - sleep until @cond holds or a signal comes:
 * 0 when @cond holds, -ERESTARTSYS when a signal is pending.
 */
#define wait_event_interruptible(wq, cond)                           \
	({                                                           \
		int __ret = 0;                                       \
		struct wait_queue_entry __wait;                      \
		might_sleep();                                       \
		if (!(cond)) {                                       \
			init_wait_entry(&__wait);                    \
			for (;;) {                                   \
				prepare_to_wait(&(wq), &__wait,      \
						TASK_INTERRUPTIBLE); \
				if (cond)                            \
					break;                       \
				if (signal_pending(current)) {       \
					__ret = -ERESTARTSYS;        \
					break;                       \
				}                                    \
				schedule();                          \
			}                                            \
			finish_wait(&(wq), &__wait);                 \
		}                                                    \
		__ret;                                               \
	})

/* init_completion - not done, no waiters. */
void init_completion(struct completion *x);

/* wait_for_completion - sleep until @x is completed, then consume one
 * complete() (none after complete_all()). */
void wait_for_completion(struct completion *x);

/* complete - let one waiter (present or future) through; complete_all -
 * let every waiter through, now and until init_completion().  Any
 * context. */
void complete(struct completion *x);
void complete_all(struct completion *x);

/* ---- Sleeping for a time (kernel/sched/timeout.c, completion.c) ---- */

/* A timeout that never ends: schedule_timeout() just calls schedule(). */
#define MAX_SCHEDULE_TIMEOUT __LONG_MAX__

/*
 * schedule_timeout - sleep until woken or @timeout jiffies have passed;
 * the caller sets current's state first (set_current_state()), as for
 * schedule().  Returns the jiffies left, 0 when the time ran out.
 * A negative @timeout is reported and returns 0 at once.  Needs the tick
 * (tick_running()).  The _interruptible / _uninterruptible forms set the
 * state themselves.
 */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);

/*
 * msleep - sleep at least @ms milliseconds, to within the clock event's
 * precision (not rounded up to a tick); other tasks run meanwhile.  With
 * interrupts off or before the tick starts (boot), a busy wait instead.
 * msleep_interruptible - the same, ended early by a signal: returns the
 * milliseconds left then (rounded up), else 0.
 * usleep_range - sleep at least @min microseconds; @max, the slack Linux
 * lets it gather wake-ups in, is accepted but not needed.
 */
void msleep(unsigned int ms);
unsigned long msleep_interruptible(unsigned int ms);
void usleep_range(unsigned long min, unsigned long max);

#define wake_up_interruptible(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(wq) __wake_up(wq, TASK_INTERRUPTIBLE, 0)

/*
 * The wait behind wait_event_timeout() and
 * wait_event_interruptible_timeout(), Linux's return values: 0 when @cond
 * is still false at the timeout, else the jiffies left, at least 1 (when
 * @cond came true as time ran out); -ERESTARTSYS when a signal ended an
 * interruptible wait.
 */
#define __wait_event_timeout(wq, cond, timeout, state)                  \
	({                                                              \
		long __ret = (timeout);                                 \
		struct wait_queue_entry __wait;                         \
		bool __cond;                                            \
		might_sleep();                                          \
		__cond = (cond);                                        \
		if (!__cond) {                                          \
			init_wait_entry(&__wait);                       \
			for (;;) {                                      \
				prepare_to_wait(&(wq), &__wait, state); \
				__cond = (cond);                        \
				if (__cond || !__ret)                   \
					break;                          \
				if (((state)&TASK_INTERRUPTIBLE) &&     \
				    signal_pending(current)) {          \
					__ret = -ERESTARTSYS;           \
					break;                          \
				}                                       \
				__ret = schedule_timeout(__ret);        \
			}                                               \
			finish_wait(&(wq), &__wait);                    \
		}                                                       \
		if (__cond && !__ret)                                   \
			__ret = 1;                                      \
		__ret;                                                  \
	})
#define wait_event_timeout(wq, cond, timeout) \
	__wait_event_timeout(wq, cond, timeout, TASK_UNINTERRUPTIBLE)
#define wait_event_interruptible_timeout(wq, cond, timeout) \
	__wait_event_timeout(wq, cond, timeout, TASK_INTERRUPTIBLE)

/*
 * wait_for_completion_timeout - wait_for_completion() for at most
 * @timeout jiffies: 0 if it timed out, else the jiffies left (at least 1).
 * wait_for_completion_interruptible - 0, or -ERESTARTSYS when a signal
 * ended the wait; wait_for_completion_killable - the same, for SIGKILL
 * only.  wait_for_completion_interruptible_timeout - the jiffies
 * left (at least 1), 0 at the timeout, -ERESTARTSYS on a signal.  Each
 * consumes one complete() when it succeeds, none otherwise.  Sleep.
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
int wait_for_completion_killable(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x,
					       unsigned long timeout);

/*
 * try_wait_for_completion - consume one complete() without sleeping:
 * false if there was none.  completion_done - is there one to consume
 * (no waiter would sleep)?  reinit_completion - not done again, keeping
 * the queue (no one may be waiting).
 */
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

/* ---- Kernel threads (kernel/sched/kthread.c) ---- */

/*
 * kthread_create_task - a new kernel thread that will run @threadfn(@data),
 * named by printf-style @namefmt; it sleeps until wake_up_process().
 * NULL if memory is short.  When @threadfn returns the thread ends; its
 * stack and task are freed once it has switched away, unless
 * kthread_stop() holds them until it has read the result.
 */
struct task_struct *kthread_create_task(int (*threadfn)(void *data), void *data,
					const char *namefmt, ...)
	__printf(3, 4);

/*
 * kthread_stop - ask @k to stop (kthread_should_stop() turns true), wake
 * it, wait until it ends, and return what its threadfn returned (-EINTR
 * if it never ran, -EFAULT if an oops ended it).  @k must not have ended before the call unless the
 * caller holds a reference (get_task_struct()), as in Linux.  Sleeps.
 */
int kthread_stop(struct task_struct *k);

/* kthread_should_stop - has kthread_stop() been called on current? */
bool kthread_should_stop(void);

/*
 * kthread_bind - run @k, created but not yet woken, only on CPU @cpu.
 * Sprout has one CPU, 0: binding to it is accepted and changes nothing;
 * another number is reported, as Linux warns for a CPU that does not
 * exist, and ignored.
 */
void kthread_bind(struct task_struct *k, unsigned int cpu);

#endif
