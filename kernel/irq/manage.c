/*
 * Drivers' side of interrupts, with Linux's names and rules: requesting
 * and freeing a line's handlers (shared lines, threaded handlers and
 * their irq/N-name threads, oneshot lines), disabling and enabling a line
 * with nesting, and waiting until its handlers have finished.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/mutex.h>
#include <kernel/panic.h>
#include <kernel/printk.h>

#include "internal.h"

#define irq_warn(fmt, ...) \
	warn_slowpath(__FILE__, __LINE__, _THIS_IP_, fmt, ##__VA_ARGS__)

/* Serialises requests and frees, which may sleep (thread creation). */
static struct mutex irq_request_lock = MUTEX_INITIALIZER(irq_request_lock);

static irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	return IRQ_WAKE_THREAD;
}

/* Wait until the thread is woken (true) or asked to stop (false). */
static bool irq_wait_for_interrupt(struct irqaction *action)
{
	for (;;) {
		uint64_t flags;

		set_current_state(TASK_INTERRUPTIBLE);
		flags = irq_save();
		if (action->thread_run) {
			action->thread_run = false;
			irq_restore(flags);
			__set_current_state(TASK_RUNNING);
			return true;
		}
		irq_restore(flags);
		if (kthread_should_stop()) {
			__set_current_state(TASK_RUNNING);
			return false;
		}
		schedule();
	}
}

/* The thread_fn is done: unmask a oneshot line no other thread holds. */
static void irq_thread_done(struct irq_desc *desc, struct irqaction *action)
{
	uint64_t flags = irq_save();

	desc->threads_oneshot &= ~action->thread_mask;
	if (action->thread_mask && !desc->threads_oneshot && !desc->depth)
		irq_chip_get()->unmask(action->irq);
	if (--desc->threads_active == 0)
		wake_up_all(&desc->wait_for_threads);
	irq_restore(flags);
}

/* excerpt: irq-thread */
/* irq/N-name: one run of thread_fn for each batch of wake-ups. */
static int irq_thread(void *data)
{
	struct irqaction *action = data;
	struct irq_desc *desc = irq_to_desc(action->irq);

	while (irq_wait_for_interrupt(action)) {
		action->thread_fn((int)action->irq, action->dev_id);
		irq_thread_done(desc, action);
	}
	return 0;
}
/* excerpt-end: irq-thread */

/* May @new join the handlers already on @desc?  Linux's rules. */
static int irq_check_sharing(struct irq_desc *desc, struct irqaction *new)
{
	struct irqaction *old = desc->action;

	if (!old)
		return 0;
	if (!(old->flags & new->flags &IRQF_SHARED) ||
	    ((old->flags ^ new->flags) & (IRQF_TRIGGER_MASK | IRQF_ONESHOT))) {
		if (!(new->flags &IRQF_PROBE_SHARED))
			pr_err("Flags mismatch irq %u. %08x (%s) vs. %08x (%s)\n",
			       new->irq, new->flags, new->name, old->flags,
			       old->name);
		return -EBUSY;
	}
	return 0;
}

/* The lowest bit no other oneshot thread of @desc uses. */
static unsigned int irq_thread_mask(struct irq_desc *desc)
{
	unsigned int used = 0;

	for (struct irqaction *a = desc->action; a; a = a->next)
		used |= a->thread_mask;
	return ~used & (used + 1);
}

/* Link @new into @desc; the first handler enables the line. */
static void irq_add_action(struct irq_desc *desc, struct irqaction *new)
{
	uint64_t flags = irq_save();
	struct irqaction **pp = &desc->action;
	bool first = !*pp;

	while (*pp)
		pp = &(*pp)->next;
	*pp = new;
	/* A new handler gets a fresh chance from the spurious check. */
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	if (first) {
		desc->istate = new->flags &IRQF_ONESHOT ? IRQS_ONESHOT : 0;
		desc->depth = new->flags &IRQF_NO_AUTOEN ? 1 : 0;
		if (!desc->depth)
			irq_chip_get()->unmask(new->irq);
	} else if (desc->istate & IRQS_SPURIOUS_DISABLED) {
		desc->istate &= ~IRQS_SPURIOUS_DISABLED;
		if (--desc->depth == 0)
			irq_chip_get()->unmask(new->irq);
	}
	irq_restore(flags);
}

static int irq_setup(struct irq_desc *desc, struct irqaction *new)
{
	int err;

	if (new->handler == irq_default_primary_handler &&
	    !(new->flags &IRQF_ONESHOT)) {
		pr_err("Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %u)\n",
		       new->name, new->irq);
		return -EINVAL;
	}
	err = irq_check_sharing(desc, new);
	if (err)
		return err;
	if (new->thread_fn) {
		new->thread = kthread_create_task(irq_thread, new, "irq/%u-%s",
						  new->irq, new->name);
		if (!new->thread)
			return -ENOMEM;
		if (new->flags & IRQF_ONESHOT)
			new->thread_mask = irq_thread_mask(desc);
	}
	irq_add_action(desc, new);
	if (new->thread)
		wake_up_process(new->thread);
	return 0;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action;
	int err;

	if (((flags & IRQF_SHARED) && !dev) || !desc)
		return -EINVAL;
	if (!handler) {
		if (!thread_fn)
			return -EINVAL;
		handler = irq_default_primary_handler;
	}
	if (!irq_chip_get())
		return -ENODEV; /* nothing would ever deliver it */
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	*action = (struct irqaction){ .handler = handler,
				      .thread_fn = thread_fn,
				      .dev_id = dev,
				      .irq = irq,
				      .flags = (unsigned int)flags,
				      .name = name };
	mutex_lock_at(&irq_request_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	err = irq_setup(desc, action);
	mutex_unlock_at(&irq_request_lock, _THIS_IP_);
	if (err)
		kfree(action);
	return err;
}
EXPORT_SYMBOL(request_threaded_irq);

/* Unlink the action of @desc requested with @dev_id; NULL if none. */
static struct irqaction *irq_remove_action(struct irq_desc *desc, void *dev_id)
{
	uint64_t flags = irq_save();
	struct irqaction **pp = &desc->action, *action;

	while (*pp && (*pp)->dev_id != dev_id)
		pp = &(*pp)->next;
	action = *pp;
	if (action) {
		*pp = action->next;
		if (!desc->action) {
			/* The last one: the line goes quiet until requested. */
			irq_chip_get()->mask(action->irq);
			desc->depth = 1;
			desc->istate = 0;
		}
	}
	irq_restore(flags);
	return action;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irqaction *action = NULL;
	const char *name;

	mutex_lock_at(&irq_request_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	if (desc)
		action = irq_remove_action(desc, dev_id);
	if (!action) {
		mutex_unlock_at(&irq_request_lock, _THIS_IP_);
		irq_warn("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	/* Unlinked, it cannot be called or woken again; let what runs end. */
	synchronize_irq(irq);
	if (action->thread)
		kthread_stop(action->thread);
	mutex_unlock_at(&irq_request_lock, _THIS_IP_);
	name = action->name;
	kfree(action);
	return name;
}
EXPORT_SYMBOL(free_irq);

void synchronize_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (desc)
		wait_event(desc->wait_for_threads,
			   !desc->threads_active &&
				   !(desc->istate & IRQS_INPROGRESS));
}
EXPORT_SYMBOL(synchronize_irq);

void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	uint64_t flags;

	if (!desc)
		return;
	flags = irq_save();
	if (desc->depth++ == 0)
		irq_chip_get()->mask(irq);
	irq_restore(flags);
}
EXPORT_SYMBOL(disable_irq_nosync);

/* Is current one of @desc's handlers or threads, which disable_irq()
 * would wait for? */
static bool irq_runs_own_line(struct irq_desc *desc)
{
	if (desc->istate & IRQS_INPROGRESS)
		return true;
	for (struct irqaction *a = desc->action; a; a = a->next)
		if (a->thread == current_task)
			return true;
	return false;
}

void disable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	disable_irq_nosync(irq);
	if (!desc)
		return;
	if (irq_runs_own_line(desc)) {
		irq_warn("disable_irq(%u) from the line's own handler would wait for itself; use disable_irq_nosync()\n",
			 irq);
		return;
	}
	synchronize_irq(irq);
}
EXPORT_SYMBOL(disable_irq);

void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	uint64_t flags;

	if (!desc)
		return;
	flags = irq_save();
	if (!desc->depth) {
		irq_restore(flags);
		irq_warn("Unbalanced enable for IRQ %u\n", irq);
		return;
	}
	if (--desc->depth == 0 && desc->action && !desc->threads_oneshot)
		irq_chip_get()->unmask(irq);
	irq_restore(flags);
}
EXPORT_SYMBOL(enable_irq);
