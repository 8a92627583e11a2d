/*
 * Linux's "nobody cared" detector: a line that keeps interrupting while
 * none of its handlers claims the interrupts would take the CPU for ever
 * (a device stuck asserting it, or a driver on the wrong line), so after
 * 99,900 unhandled interrupts out of 100,000 it is reported and disabled.
 */
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/time.h>

#include "internal.h"

/* Linux's thresholds (kernel/irq/spurious.c). */
#define SPURIOUS_BATCH 100000
#define SPURIOUS_UNHANDLED_MAX 99900
/* Unhandled interrupts further apart than this start a new count. */
#define SPURIOUS_GAP_JIFFIES (HZ / 10)

static bool bad_action_ret(irqreturn_t ret)
{
	return (unsigned int)ret > (IRQ_HANDLED | IRQ_WAKE_THREAD);
}

/* The report, in Linux's words: what went wrong, where, and who was asked. */
static void report_bad_irq(struct irq_desc *desc, unsigned int irq,
			   irqreturn_t ret)
{
	if (bad_action_ret(ret))
		pr_err("irq event %u: bogus return value %x\n", irq,
		       (unsigned int)ret);
	else
		pr_err("irq %u: nobody cared (try booting with the \"irqpoll\" option)\n",
		       irq);
	dump_stack();
	pr_err("handlers:\n");
	for (struct irqaction *a = desc->action; a; a = a->next) {
		if (a->thread_fn)
			pr_err("[<%016lx>] %ps threaded [<%016lx>] %ps\n",
			       (unsigned long)a->handler, (void *)a->handler,
			       (unsigned long)a->thread_fn,
			       (void *)a->thread_fn);
		else
			pr_err("[<%016lx>] %ps\n", (unsigned long)a->handler,
			       (void *)a->handler);
	}
}

void note_interrupt(struct irq_desc *desc, unsigned int irq, irqreturn_t ret)
{
	uint64_t now = jiffies_get();

	if (bad_action_ret(ret)) {
		report_bad_irq(desc, irq, ret);
		return;
	}
	if (ret == IRQ_NONE) {
		if (now - desc->last_unhandled > SPURIOUS_GAP_JIFFIES)
			desc->irqs_unhandled = 1;
		else
			desc->irqs_unhandled++;
		desc->last_unhandled = now;
	}
	if (++desc->irq_count < SPURIOUS_BATCH)
		return;
	desc->irq_count = 0;
	if (desc->irqs_unhandled > SPURIOUS_UNHANDLED_MAX) {
		report_bad_irq(desc, irq, ret);
		pr_emerg("Disabling IRQ #%u\n", irq);
		desc->istate |= IRQS_SPURIOUS_DISABLED;
		if (desc->depth++ == 0)
			irq_chip_get()->mask(irq);
	}
	desc->irqs_unhandled = 0;
}
