/*
 * Linux-compatible <linux/irqreturn.h>: irqreturn_t, IRQ_NONE,
 * IRQ_HANDLED, IRQ_WAKE_THREAD and IRQ_RETVAL() from <kernel/irq.h>.
 */
#ifndef LINUX_IRQRETURN_H
#define LINUX_IRQRETURN_H

#include <kernel/irq.h>

#endif
