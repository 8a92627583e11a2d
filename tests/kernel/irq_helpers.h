/*
 * What the irq suites share: the line they use and how they raise it and
 * read its mask.  Line 5 has no device on QEMU's PC, so its interrupts are
 * raised with generic_handle_irq(), as Linux's demultiplexing code does,
 * in a frame like the CPU's: interrupts off, inside irq_enter()/irq_exit().
 */
#ifndef TESTS_KERNEL_IRQ_HELPERS_H
#define TESTS_KERNEL_IRQ_HELPERS_H

#include <kernel/interrupt.h>
#include <kernel/irq.h>
#include <kernel/x86.h>

#define TEST_IRQ 5
#define PIC1_DATA 0x21 /* the master 8259's mask register */

static inline void test_raise_irq(unsigned int irq)
{
	uint64_t flags = irq_save();

	irq_enter();
	generic_handle_irq(irq);
	irq_exit();
	irq_restore(flags);
}

/* Is line @irq (0-7) masked at the 8259? */
static inline bool test_irq_masked(unsigned int irq)
{
	return inb(PIC1_DATA) & (1u << irq);
}

#endif
