/*
 * The flow of one interrupt on a legacy line, as Linux's handle_level_irq()
 * and handle_irq_event(): count it, call every handler sharing the line,
 * wake the threads that asked for it, and keep a oneshot line masked
 * until its threads are done.  The cpu layer calls handle_irq() for each
 * hardware interrupt (set_handle_irq()).
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/printk.h>

#include "internal.h"

struct irq_desc irq_descs[IRQ_COUNT];

void irq_wake_thread(struct irq_desc *desc, struct irqaction *action)
{
	/* Already due: the run to come serves this interrupt too. */
	if (action->thread_run)
		return;
	action->thread_run = true;
	desc->threads_oneshot |= action->thread_mask;
	desc->threads_active++;
	wake_up_process(action->thread);
}

static irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	unsigned int irq = irq_desc_irq(desc);
	irqreturn_t ret = IRQ_NONE;

	desc->istate |= IRQS_INPROGRESS;
	for (struct irqaction *a = desc->action; a; a = a->next) {
		irqreturn_t res = a->handler((int)irq, a->dev_id);

		if ((res & IRQ_WAKE_THREAD) && !a->thread) {
			pr_warn("irq %u: %ps (%s) returned IRQ_WAKE_THREAD without a thread_fn\n",
				irq, (void *)a->handler, a->name);
			res &= ~IRQ_WAKE_THREAD;
		}
		if (res & IRQ_WAKE_THREAD)
			irq_wake_thread(desc, a);
		ret |= res;
	}
	desc->istate &= ~IRQS_INPROGRESS;
	return ret;
}

/* excerpt: handle-irq-desc */
static void handle_irq_desc(struct irq_desc *desc)
{
	const struct irq_chip *chip = irq_chip_get();
	unsigned int irq = irq_desc_irq(desc);

	/* A oneshot line stays masked until its thread_fns have returned. */
	if (desc->istate & IRQS_ONESHOT)
		chip->mask(irq);
	if (!desc->action) {
		ack_bad_irq(irq);
		return;
	}
	/* Disabled, yet it came: raised in software, or latched before the
	 * mask; the 8259 holds a later one until the line is unmasked. */
	if (desc->depth)
		return;
	desc->count++;
	note_interrupt(desc, irq, handle_irq_event(desc));
	if ((desc->istate & IRQS_ONESHOT) && !desc->threads_oneshot &&
	    !desc->depth)
		chip->unmask(irq);
}
/* excerpt-end: handle-irq-desc */

static void handle_irq(struct pt_regs *regs)
{
	handle_irq_desc(&irq_descs[regs->vector - IRQ_BASE]);
}

int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc || !irq_chip_get())
		return -EINVAL;
	handle_irq_desc(desc);
	return 0;
}
EXPORT_SYMBOL(generic_handle_irq);

/* Before the arch initcalls, where the interrupt controller comes up. */
static int __init irq_init(void)
{
	for (unsigned int i = 0; i < IRQ_COUNT; i++) {
		irq_descs[i].depth = 1; /* masked until requested */
		init_waitqueue_head(&irq_descs[i].wait_for_threads);
	}
	return set_handle_irq(handle_irq);
}
core_initcall(irq_init);
