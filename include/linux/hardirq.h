/*
 * Linux-compatible <linux/hardirq.h>: which context runs now
 * (in_hardirq(), in_interrupt(), in_softirq(), in_task() ...) over
 * <kernel/preempt.h> and <kernel/interrupt.h>.
 */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <kernel/interrupt.h>
#include <kernel/preempt.h>

/* Linux's old name for in_hardirq(), deprecated there since 5.15. */
#define in_irq() in_hardirq()

#endif
