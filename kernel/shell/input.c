/*
 * The shell's input: it sleeps until console input arrives -- the input
 * devices' interrupt handlers wake it through console_input_ops -- and
 * Ctrl-C, recognised in the interrupt, reaches it as SIGINT, so that a
 * command blocked in an interruptible wait returns.  At the prompt the
 * line editor takes Ctrl-C as the byte, in order with what was typed.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/x86.h>

#include "internal.h"

static struct task_struct *input_reader;
/* The foreground pipeline's stages, which Ctrl-C interrupts too. */
static struct task_struct *input_fg[SHELL_STAGES_MAX];
static size_t input_fg_count;
/* A command's read took the Ctrl-C byte itself: nothing to drop. */
static bool input_intr_taken;
static struct wait_queue_head shell_input_wait =
	WAIT_QUEUE_HEAD_INITIALIZER(shell_input_wait);

static void shell_input_ready(void)
{
	wake_up(&shell_input_wait);
}

static void shell_input_interrupt(void)
{
	send_sig(SIGINT, input_reader, 1);
	for (size_t i = 0; i < input_fg_count; i++)
		send_sig(SIGINT, input_fg[i], 1);
}

bool shell_is_command_thread(const struct task_struct *t)
{
	if (t == input_reader)
		return true;
	for (size_t i = 0; i < input_fg_count; i++)
		if (input_fg[i] == t)
			return true;
	return false;
}

void shell_input_foreground(struct task_struct **tasks, size_t count)
{
	uint64_t flags = irq_save();

	for (size_t i = 0; i < count; i++)
		input_fg[i] = tasks[i];
	input_fg_count = count;
	irq_restore(flags);
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

	if (!input_intr_taken)
		while ((c = console_trygetc()) >= 0 && c != CONSOLE_INTR_CHAR)
			;
	input_intr_taken = false;
	flush_signals(current);
}

/* The next byte of input for a command, sleeping for it; or -ERESTARTSYS
 * when a signal (Ctrl-C's SIGINT) comes first. */
static int shell_input_next(void)
{
	for (;;) {
		int c;

		if (signal_pending(current))
			return -ERESTARTSYS;
		c = console_trygetc();
		if (c >= 0)
			return c;
		if (console_input_polled()) {
			cond_resched();
			continue;
		}
		if (wait_event_interruptible(shell_input_wait,
					     console_input_pending()))
			return -ERESTARTSYS;
	}
}

/* Echo what a command reads, as a terminal in canonical mode does. */
static void shell_input_echo(char c)
{
	console_write(&c, 1);
}

ssize_t shell_input_read(char *buf, size_t size)
{
	static bool after_cr; /* a '\n' right after '\r' ends no line */
	size_t len = 0;

	while (len < size) {
		int c = shell_input_next();

		if (c == CONSOLE_INTR_CHAR) {
			uint64_t flags = irq_save();

			/* Typed before the command ran, it was sent to no
			 * stage: a terminal signals as it reads it, too. */
			shell_input_interrupt();
			irq_restore(flags);
			input_intr_taken = true;
			c = -ERESTARTSYS;
		}
		if (c < 0)
			return c;
		if (c == '\n' && after_cr) {
			after_cr = false;
			continue;
		}
		after_cr = c == '\r';
		if (c == CONSOLE_EOF_CHAR)
			break; /* end of file at a line's start */
		if ((c == '\b' || c == 0x7f) && len) {
			len--;
			console_write("\b \b", 3);
			continue;
		}
		if (c == '\r')
			c = '\n';
		shell_input_echo((char)c);
		buf[len++] = (char)c;
		if (c == '\n')
			break;
	}
	return (ssize_t)len;
}
