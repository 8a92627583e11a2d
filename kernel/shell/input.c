/*
 * The shell's input: it sleeps until console input arrives -- the input
 * devices' interrupt handlers wake it through console_input_ops -- and
 * Ctrl-C, recognised in the interrupt, reaches it as SIGINT, so that a
 * command blocked in an interruptible wait returns.  At the prompt the
 * line editor takes Ctrl-C as the byte, in order with what was typed.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include <kernel/x86.h>

#include "internal.h"

static struct task_struct *input_reader;
static struct wait_queue_head shell_input_wait =
	WAIT_QUEUE_HEAD_INITIALIZER(shell_input_wait);

static void shell_input_ready(void)
{
	wake_up(&shell_input_wait);
}

static void shell_input_interrupt(void)
{
	send_sig(SIGINT, input_reader, 1);
}

static const struct console_input_ops shell_input_ops = {
	.ready = shell_input_ready,
	.interrupt = shell_input_interrupt,
};

void shell_input_attach(void)
{
	input_reader = current;
	allow_signal(SIGINT);
	console_input_register(&shell_input_ops);
}

int shell_getc(void)
{
	for (;;) {
		int c;

		/* A Ctrl-C's SIGINT is for a command; here its byte, queued
		 * before the signal was sent, is what counts. */
		flush_signals(current);
		c = console_trygetc();
		if (c >= 0)
			return c;
		/* No interrupt will come to wake us: keep polling. */
		if (console_input_polled()) {
			cpu_relax();
			continue;
		}
		wait_event_interruptible(shell_input_wait,
					 console_input_pending());
	}
}

void shell_input_interrupted(void)
{
	int c;

	while ((c = console_trygetc()) >= 0 && c != CONSOLE_INTR_CHAR)
		;
	flush_signals(current);
}
