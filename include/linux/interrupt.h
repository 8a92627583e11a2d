/*
 * Linux-compatible <linux/interrupt.h>: drivers' interrupts
 * (request_irq(), request_threaded_irq(), free_irq(), disable_irq() and
 * enable_irq(), the IRQF_* flags), the bottom halves -- softirqs,
 * tasklets, local_bh_disable() -- and the context tests, each from its
 * own header under include/kernel, which this only gathers.
 */
#ifndef LINUX_INTERRUPT_H
#define LINUX_INTERRUPT_H

#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/irqreturn.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <kernel/irq.h>
#include <kernel/softirq.h>
#include <kernel/tasklet.h>

#endif
