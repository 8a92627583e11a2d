/*
 * Signals as kernel code sees them: a mask of pending signals on each
 * task.  Sending one wakes an interruptible sleeper, whose wait then
 * returns -ERESTARTSYS; nothing else is delivered (there is no user
 * space to run a handler in).
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/x86.h>
#include "internal.h"

static bool sig_valid(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

static unsigned long sig_bit(int sig)
{
	return 1ul << (sig - 1);
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	uint64_t irq;

	(void)priv;
	if (!sig_valid(sig))
		return -EINVAL;
	irq = irq_save();
	if (p->sig_allowed & sig_bit(sig)) {
		p->sig_pending |= sig_bit(sig);
		/* SIGKILL also ends a killable sleep (TASK_WAKEKILL). */
		wake_up_state(p, sig == SIGKILL ?
					 TASK_INTERRUPTIBLE | TASK_WAKEKILL :
					 TASK_INTERRUPTIBLE);
	}
	irq_restore(irq);
	return 0;
}
EXPORT_SYMBOL(send_sig);

void allow_signal(int sig)
{
	if (sig_valid(sig))
		__atomic_or_fetch(&current->sig_allowed, sig_bit(sig),
				  __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(allow_signal);

void disallow_signal(int sig)
{
	uint64_t irq;

	if (!sig_valid(sig))
		return;
	irq = irq_save();
	current->sig_allowed &= ~sig_bit(sig);
	current->sig_pending &= ~sig_bit(sig);
	irq_restore(irq);
}
EXPORT_SYMBOL(disallow_signal);

void flush_signals(struct task_struct *p)
{
	__atomic_store_n(&p->sig_pending, 0, __ATOMIC_RELAXED);
}
EXPORT_SYMBOL(flush_signals);
