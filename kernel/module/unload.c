/*
 * What may still run a module's code once its cleanup_module has
 * returned: each kind of user (a work item or a workqueue, a requested
 * IRQ handler, a kernel thread, a pending timer, a scheduled tasklet) is
 * one check in the table below.  While any finds one, the module's memory is not
 * freed; the module stays GOING and rmmod says what outlived it.
 */
#include <kernel/irq.h>
#include <kernel/module.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/tasklet.h>
#include <kernel/time.h>
#include <kernel/workqueue.h>
#include <kernel/x86.h>

/*
 * One kind of user: @find returns true, with what it found in @why
 * ("thread NAME (pid N) still running FUNC"), if one still runs or will
 * run code in [@start, @end).
 */
struct module_text_check {
	bool (*find)(uintptr_t start, uintptr_t end, char *why, size_t size);
};

static bool thread_in_text(uintptr_t start, uintptr_t end, char *why,
			   size_t size)
{
	uintptr_t where;
	struct task_struct *t = sched_find_task_in_code(start, end, &where);

	if (!t)
		return false;
	snprintf(why, size, "thread %s (pid %d) still running %ps", t->comm,
		 t->pid, (void *)where);
	put_task_struct(t);
	return true;
}

static bool timer_in_text(uintptr_t start, uintptr_t end, char *why,
			  size_t size)
{
	uint64_t irq = irq_save(); /* the timer must not fire meanwhile */
	struct timer_list *timer =
		timer_find_pending((const void *)start, (const void *)end);

	if (timer)
		snprintf(why, size, "timer %ps still pending",
			 (void *)timer->function);
	irq_restore(irq);
	return timer != NULL;
}

static bool irq_handler_in_text(uintptr_t start, uintptr_t end, char *why,
				size_t size)
{
	unsigned int irq;
	const char *name;
	void *fn;

	if (!irq_action_in_code(start, end, &irq, &fn, &name))
		return false;
	snprintf(why, size, "irq %u handler %ps (%s) still requested", irq, fn,
		 name);
	return true;
}

static bool work_in_text(uintptr_t start, uintptr_t end, char *why, size_t size)
{
	const char *state;
	work_func_t fn = work_find_in_code(start, end, &state);

	if (fn)
		snprintf(why, size, "work %ps still %s", (void *)fn, state);
	return fn != NULL;
}

static bool workqueue_in_text(uintptr_t start, uintptr_t end, char *why,
			      size_t size)
{
	char name[WQ_NAME_LEN];

	if (!workqueue_find_allocated_by(start, end, name, sizeof(name)))
		return false;
	snprintf(why, size, "workqueue %s still allocated", name);
	return true;
}

static bool tasklet_in_text(uintptr_t start, uintptr_t end, char *why,
			    size_t size)
{
	uint64_t irq = irq_save(); /* the tasklet must not run meanwhile */
	struct tasklet_struct *t =
		tasklet_find_pending((const void *)start, (const void *)end);

	if (t)
		snprintf(why, size, "tasklet %ps still %s", tasklet_function(t),
			 tasklet_test(t, TASKLET_STATE_RUN) ? "running" :
							      "scheduled");
	irq_restore(irq);
	return t != NULL;
}

/* excerpt: text-checks */
/*
 * Each kind of thing a module can leave running is one entry.  Work and
 * IRQ handlers come first: a kworker running a module's item, or an
 * irq/N thread in a module's thread_fn, would be found by the thread
 * check too, but named by its thread rather than by what it runs.
 */
static const struct module_text_check module_text_checks[] = {
	{ work_in_text },   { workqueue_in_text }, { irq_handler_in_text },
	{ thread_in_text }, { timer_in_text },	   { tasklet_in_text },
};
/* excerpt-end: text-checks */

bool module_text_in_use(const struct module *mod, char *why, size_t size)
{
	uintptr_t start = (uintptr_t)mod->core;

	if (!mod->core)
		return false; /* all __init: no code is left to run */
	for (size_t i = 0; i < ARRAY_SIZE(module_text_checks); i++)
		if (module_text_checks[i].find(start,
					       start + mod->core_text_size, why,
					       size))
			return true;
	return false;
}
