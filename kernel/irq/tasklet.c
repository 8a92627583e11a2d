/*
 * Tasklets on two softirq vectors, as Linux's: HI_SOFTIRQ serves the
 * high-priority list before the others' TASKLET_SOFTIRQ, each list in the
 * order the tasklets were scheduled.  The SCHED bit keeps a tasklet on a
 * list once, the RUN bit keeps it from running twice at the same time.
 */
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/tasklet.h>
#include <kernel/x86.h>

/* A list in FIFO order: @tail points at the last next pointer. */
struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

static struct tasklet_head tasklet_vec = { NULL, &tasklet_vec.head };
static struct tasklet_head tasklet_hi_vec = { NULL, &tasklet_hi_vec.head };
/* Who waits in tasklet_kill() or tasklet_unlock_wait(). */
static struct wait_queue_head tasklet_waitq =
	WAIT_QUEUE_HEAD_INITIALIZER(tasklet_waitq);

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long data),
		  unsigned long data)
{
	*t = (struct tasklet_struct){ .func = func, .data = data };
}
EXPORT_SYMBOL(tasklet_init);

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *t))
{
	*t = (struct tasklet_struct){ .callback = callback,
				      .use_callback = true };
}
EXPORT_SYMBOL(tasklet_setup);

/* Add @t at the end of @list; interrupts off. */
static void tasklet_enqueue(struct tasklet_head *list, struct tasklet_struct *t)
{
	t->next = NULL;
	*list->tail = t;
	list->tail = &t->next;
}

static void tasklet_schedule_on(struct tasklet_head *list,
				struct tasklet_struct *t, unsigned int nr)
{
	uint64_t irq = irq_save();

	tasklet_enqueue(list, t);
	raise_softirq_irqoff(nr);
	irq_restore(irq);
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	tasklet_schedule_on(&tasklet_vec, t, TASKLET_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_schedule);

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	tasklet_schedule_on(&tasklet_hi_vec, t, HI_SOFTIRQ);
}
EXPORT_SYMBOL(__tasklet_hi_schedule);

/*
 * A scheduled tasklet that could not run (disabled, or marked running)
 * waits on its list without raising its softirq again -- Linux raises
 * it, and ksoftirqd then polls until the tasklet may run.  Instead, the
 * call that lets it run raises it.  Which of the two lists holds it is
 * not recorded (Linux's struct has no field for it), so both are raised:
 * the other's action finds nothing to do.
 */
static void tasklet_kick(struct tasklet_struct *t)
{
	uint64_t irq;

	if (!tasklet_test(t, TASKLET_STATE_SCHED) || atomic_read(&t->count))
		return;
	irq = irq_save();
	__raise_softirq_irqoff(HI_SOFTIRQ);
	raise_softirq_irqoff(TASKLET_SOFTIRQ);
	irq_restore(irq);
}

/* Clear the RUN mark and let tasklet_kill()/tasklet_unlock_wait() see it. */
static void tasklet_clear_run(struct tasklet_struct *t)
{
	__atomic_and_fetch(&t->state, ~(1ul << TASKLET_STATE_RUN),
			   __ATOMIC_RELEASE);
	wake_up_all(&tasklet_waitq);
}

void tasklet_unlock(struct tasklet_struct *t)
{
	tasklet_clear_run(t);
	tasklet_kick(t);
}
EXPORT_SYMBOL(tasklet_unlock);

void tasklet_unlock_wait(struct tasklet_struct *t)
{
	wait_event(tasklet_waitq, !tasklet_test(t, TASKLET_STATE_RUN));
}
EXPORT_SYMBOL(tasklet_unlock_wait);

void tasklet_enable(struct tasklet_struct *t)
{
	if (atomic_dec_return(&t->count) == 0)
		tasklet_kick(t);
}
EXPORT_SYMBOL(tasklet_enable);

/* excerpt: tasklet-try-run */
/* lab: 13 try-run */
/* Run @t if it may run now; false if it must wait on its list. */
static bool tasklet_try_run(struct tasklet_struct *t)
{
	if (atomic_read(&t->count) || !tasklet_trylock(t))
		return false;
	/* Cleared before the call: scheduled from inside, it runs again. */
	__atomic_and_fetch(&t->state, ~(1ul << TASKLET_STATE_SCHED),
			   __ATOMIC_SEQ_CST);
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	tasklet_clear_run(t);
	return true;
}
/* lab-end: 13 try-run */
/* excerpt-end: tasklet-try-run */

/* excerpt: tasklet-action */
/* Each softirq round takes the whole list; what is scheduled while it
 * runs goes on a new one, for the next round. */
static void tasklet_action_common(struct tasklet_head *list)
{
	struct tasklet_struct *t, *next;

	cli();
	next = list->head;
	list->head = NULL;
	list->tail = &list->head;
	sti();
	while (next) {
		t = next;
		next = t->next;
		if (tasklet_try_run(t))
			continue;
		cli();
		tasklet_enqueue(list, t);
		sti();
	}
}
/* excerpt-end: tasklet-action */

static void tasklet_action(void)
{
	tasklet_action_common(&tasklet_vec);
}

static void tasklet_hi_action(void)
{
	tasklet_action_common(&tasklet_hi_vec);
}

void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt()) {
		/* Linux's notice.  Waiting here could never end: the
		 * tasklet can run only once this context has. */
		pr_notice("Attempt to kill tasklet from interrupt\n");
		return;
	}
	/* Holding SCHED keeps tasklet_schedule() from queueing it again. */
	while (tasklet_test_and_set(t, TASKLET_STATE_SCHED))
		wait_event(tasklet_waitq,
			   !tasklet_test(t, TASKLET_STATE_SCHED));
	tasklet_unlock_wait(t);
	__atomic_and_fetch(&t->state, ~(1ul << TASKLET_STATE_SCHED),
			   __ATOMIC_SEQ_CST);
}
EXPORT_SYMBOL(tasklet_kill);

static struct tasklet_struct *tasklet_find_on(struct tasklet_head *list,
					      uintptr_t start, uintptr_t end)
{
	for (struct tasklet_struct *t = list->head; t; t = t->next) {
		uintptr_t fn = (uintptr_t)tasklet_function(t);

		if (fn >= start && fn < end)
			return t;
	}
	return NULL;
}

struct tasklet_struct *tasklet_find_pending(const void *start, const void *end)
{
	struct tasklet_struct *t;

	t = tasklet_find_on(&tasklet_hi_vec, (uintptr_t)start, (uintptr_t)end);
	if (!t)
		t = tasklet_find_on(&tasklet_vec, (uintptr_t)start,
				    (uintptr_t)end);
	return t;
}

static int __init tasklet_softirq_init(void)
{
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
	return 0;
}
core_initcall(tasklet_softirq_init);
