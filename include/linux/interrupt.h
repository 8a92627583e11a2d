/*
 * Linux-compatible <linux/interrupt.h>: request_irq(),
 * request_threaded_irq(), free_irq(), disable_irq()/enable_irq() and the
 * IRQF_* flags over <kernel/irq.h>.
 */
#ifndef LINUX_INTERRUPT_H
#define LINUX_INTERRUPT_H

#include <linux/irqreturn.h>
#include <kernel/irq.h>

#endif
