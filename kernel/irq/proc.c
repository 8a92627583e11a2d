/*
 * What the lines look like from outside: the rows of Linux's
 * /proc/interrupts, formatted one at a time so that a file can reuse them
 * once Sprout has files; the `interrupts` shell command that prints them;
 * and which handlers a range of code (a module's) still has requested.
 */
#include <kernel/errno.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>

#include "internal.h"

/* Width of the line numbers: 3 digits at least, as Linux's "prec". */
#define IRQ_SHOW_PREC 3

_Static_assert(IRQ_SHOW_ROWS == 1 + IRQ_COUNT + 2,
	       "a header, the legacy lines, ERR and MIS");

static int irq_show_line(unsigned int irq, char *buf, size_t size)
{
	struct irq_desc *desc = &irq_descs[irq];
	uint64_t flags = irq_save(); /* no action is freed meanwhile */
	int n = 0;

	if (desc->action || desc->count) {
		n = snprintf(buf, size, "%*u: %10u  %8s %*u-%-8s",
			     IRQ_SHOW_PREC, irq, desc->count,
			     irq_chip_get()->name, IRQ_SHOW_PREC, irq, "edge");
		for (struct irqaction *a = desc->action; a; a = a->next)
			n += snprintf(buf + n, size > (size_t)n ? size - n : 0,
				      a == desc->action ? "  %s" : ", %s",
				      a->name);
		n += snprintf(buf + n, size > (size_t)n ? size - n : 0, "\n");
	} else if (size) {
		*buf = '\0';
	}
	irq_restore(flags);
	return n;
}

unsigned int kstat_irqs(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc ? desc->count : 0;
}

int irq_show_row(unsigned int row, char *buf, size_t size)
{
	if (row == 0)
		return snprintf(buf, size, "%*s%-11s\n", IRQ_SHOW_PREC + 8, "",
				"CPU0");
	if (row <= IRQ_COUNT && irq_chip_get())
		return irq_show_line(row - 1, buf, size);
	if (row == IRQ_COUNT + 1)
		return snprintf(buf, size, "%*s: %10u\n", IRQ_SHOW_PREC, "ERR",
				irq_err_count_get());
	/* Mis-routed interrupts are an I/O APIC's; the 8259 has none. */
	if (row == IRQ_COUNT + 2)
		return snprintf(buf, size, "%*s: %10u\n", IRQ_SHOW_PREC, "MIS",
				0u);
	if (size)
		*buf = '\0';
	return 0;
}

static int cmd_interrupts(char *args)
{
	char buf[160];

	if (*args)
		return -EINVAL;
	for (unsigned int row = 0; row < IRQ_SHOW_ROWS; row++) {
		irq_show_row(row, buf, sizeof(buf));
		console_printf("%s", buf);
	}
	return 0;
}
SHELL_COMMAND("interrupts", "",
	      "interrupts taken on each line, as Linux's /proc/interrupts",
	      cmd_interrupts);

/* @a's handler or thread_fn if it lies in [@start, @end), else NULL. */
static void *irq_action_fn_in(const struct irqaction *a, uintptr_t start,
			      uintptr_t end)
{
	uintptr_t h = (uintptr_t)a->handler, t = (uintptr_t)a->thread_fn;

	if (h >= start && h < end)
		return (void *)h;
	if (t >= start && t < end)
		return (void *)t;
	return NULL;
}

bool irq_action_in_code(uintptr_t start, uintptr_t end, unsigned int *irq,
			void **fn, const char **name)
{
	uint64_t flags = irq_save(); /* no action is freed meanwhile */
	bool found = false;

	for (unsigned int i = 0; i < IRQ_COUNT && !found; i++)
		for (struct irqaction *a = irq_descs[i].action; a && !found;
		     a = a->next) {
			*fn = irq_action_fn_in(a, start, end);
			found = *fn != NULL;
			*irq = i;
			*name = a->name;
		}
	irq_restore(flags);
	return found;
}
