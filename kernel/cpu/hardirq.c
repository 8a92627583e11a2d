/*
 * Whether a hardware interrupt handler is running.  The oops needs to
 * know: an exception inside a handler cannot be survived by ending a
 * thread, since the handler's interrupt would never be finished.
 */
#include <kernel/interrupt.h>

/* Handlers running; they do not nest (interrupt gates keep IF clear). */
static unsigned int hardirq_depth;

void irq_enter(void)
{
	hardirq_depth++;
}

void irq_exit(void)
{
	hardirq_depth--;
}

bool in_hardirq(void)
{
	return hardirq_depth != 0;
}
