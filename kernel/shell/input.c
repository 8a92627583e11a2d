/*
 * The shell's input: it sleeps until console input arrives -- the input
 * devices' interrupt handlers wake it through console_input_ops -- and
 * Ctrl-C, recognised in the interrupt, reaches it as SIGINT, so that a
 * command blocked in an interruptible wait returns too.
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
		int c, err;

		/* Ctrl-C first: the input typed before it is thrown away. */
		if (signal_pending(current))
			return -ERESTARTSYS;
		c = console_trygetc();
		if (c >= 0)
			return c;
		/* No interrupt will come to wake us: keep polling. */
		if (console_input_polled()) {
			cpu_relax();
			continue;
		}
		err = wait_event_interruptible(shell_input_wait,
					       console_input_pending());
		if (err)
			return err;
	}
}
