/*
 * What the files of kernel/irq share: the descriptor of each legacy line
 * (Linux's struct irq_desc, cut down to one CPU and one controller) and
 * the steps of the flow that run in the interrupt.
 */
#ifndef KERNEL_IRQ_INTERNAL_H
#define KERNEL_IRQ_INTERNAL_H

#include <kernel/interrupt.h>
#include <kernel/irq.h>
#include <kernel/sched.h>
#include <kernel/x86.h>

/* istate bits (Linux's IRQS_* and IRQD_IRQ_INPROGRESS). */
#define IRQS_INPROGRESS 0x1u	    /* the primary handlers run now */
#define IRQS_ONESHOT 0x2u	    /* masked until the thread_fns return */
#define IRQS_SPURIOUS_DISABLED 0x4u /* turned off by note_interrupt() */

/*
 * One legacy line.  Changed with interrupts off (one CPU: that keeps the
 * flow out), requests and frees also under the request mutex (manage.c).
 */
struct irq_desc {
	struct irqaction *action; /* the handlers, in request order */
	unsigned int depth;	  /* disable_irq() nesting; masked while > 0 */
	unsigned int istate;	  /* IRQS_* */
	unsigned int count;	  /* interrupts taken: /proc/interrupts */
	/* note_interrupt(): of this batch of 100,000, how many unhandled,
	 * and the jiffies of the last one. */
	unsigned int irq_count;
	unsigned int irqs_unhandled;
	uint64_t last_unhandled;
	unsigned int threads_oneshot; /* oneshot thread_fns still due */
	unsigned int threads_active;  /* thread_fns woken, not finished */
	struct wait_queue_head wait_for_threads; /* synchronize_irq() */
};

extern struct irq_desc irq_descs[IRQ_COUNT];

/* irq_to_desc - line @irq's descriptor, or NULL past the legacy lines. */
static inline struct irq_desc *irq_to_desc(unsigned int irq)
{
	return irq < IRQ_COUNT ? &irq_descs[irq] : NULL;
}

static inline unsigned int irq_desc_irq(const struct irq_desc *desc)
{
	return (unsigned int)(desc - irq_descs);
}

/* irq_wake_thread - mark @action's thread_fn due and wake its thread;
 * interrupts off.  handle.c. */
void irq_wake_thread(struct irq_desc *desc, struct irqaction *action);

/*
 * note_interrupt - count @ret, the handlers' answers to one interrupt on
 * @desc (line @irq), and turn the line off if nobody has handled 99,900 of the last
 * 100,000 (Linux's thresholds).  Interrupts off.  spurious.c.
 */
void note_interrupt(struct irq_desc *desc, unsigned int irq, irqreturn_t ret);

#endif
