/*
 * Console input: every input device (serial line, keyboard) pushes the bytes
 * it receives into one queue from its interrupt handler; the reader
 * registered above this layer (the shell) is told when bytes arrive and when
 * Ctrl-C arrives, so it can sleep until then instead of polling.  Also the
 * reading of control sequences the screen consoles share.
 */
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/x86.h>

#define INPUT_QUEUE_SIZE 256 /* a power of two */

static volatile uint8_t input_queue[INPUT_QUEUE_SIZE];
static volatile unsigned int input_head, input_tail;
static void (*input_resume)(void); /* a throttled device's restart */
static int (*input_pollers[4])(void);
static size_t poller_count;
static const struct console_input_ops *input_ops;

void console_input_register(const struct console_input_ops *ops)
{
	uint64_t flags = irq_save();

	input_ops = ops;
	irq_restore(flags);
}

/* Restart a device that stopped because the queue was full. */
static void input_unthrottle(void)
{
	void (*resume)(void) = input_resume;

	input_resume = NULL;
	if (resume)
		resume();
}

void console_input_push(uint8_t c)
{
	uint64_t flags = irq_save();
	unsigned int next = (input_head + 1) & (INPUT_QUEUE_SIZE - 1);

	if (next != input_tail) { /* full: drop, as a terminal would */
		input_queue[input_head] = c;
		input_head = next;
	}
	if (input_ops) {
		/* Ctrl-C is seen as it arrives, not when it is read: a reader
		 * busy with something else (a command) is interrupted too. */
		if (c == CONSOLE_INTR_CHAR)
			input_ops->interrupt();
		input_ops->ready();
	}
	irq_restore(flags);
}

int console_add_poller(int (*poll)(void))
{
	if (poller_count == ARRAY_SIZE(input_pollers))
		return -ENOSPC;
	input_pollers[poller_count++] = poll;
	return 0;
}

bool console_input_polled(void)
{
	return poller_count;
}

bool console_input_room(void)
{
	return ((input_head + 1) & (INPUT_QUEUE_SIZE - 1)) != input_tail;
}

bool console_input_pending(void)
{
	return input_tail != input_head;
}

void console_input_throttle(void (*resume)(void))
{
	input_resume = resume;
}

int console_trygetc(void)
{
	uint64_t flags;
	int c = -1;

	/* A polled device is read only as far as the queue has room, so
	 * input arriving faster than the shell reads it waits in the device
	 * (and in QEMU's pipe behind it) instead of being dropped here. */
	for (size_t i = 0; i < poller_count; i++) {
		int p;

		while (console_input_room() && (p = input_pollers[i]()) >= 0)
			console_input_push((uint8_t)p);
	}
	flags = irq_save();

	if (input_tail != input_head) {
		c = input_queue[input_tail];
		input_tail = (input_tail + 1) & (INPUT_QUEUE_SIZE - 1);
		input_unthrottle();
	}
	irq_restore(flags);
	return c;
}

#define ANSI_ESC 0x1b

enum ansi_state { ANSI_TEXT, ANSI_ESC_SEEN, ANSI_CSI };

static enum ansi_action ansi_final(const struct ansi_parser *p, char c)
{
	switch (c) {
	case 'H':
		return ANSI_HOME;
	case 'J':
		return p->param == '2' ? ANSI_ERASE_ALL : ANSI_ERASE_BELOW;
	case 'K':
		return ANSI_ERASE_LINE;
	}
	return ANSI_NONE;
}

enum ansi_action ansi_feed(struct ansi_parser *p, char c)
{
	if (c == ANSI_ESC) {
		p->state = ANSI_ESC_SEEN;
		return ANSI_NONE;
	}
	switch (p->state) {
	case ANSI_TEXT:
		return ANSI_PRINT;
	case ANSI_ESC_SEEN:
		p->state = c == '[' ? ANSI_CSI : ANSI_TEXT;
		p->len = 0;
		p->param = 0;
		return ANSI_NONE;
	}
	if (c >= 0x40 && c <= 0x7e) {
		p->state = ANSI_TEXT;
		return ansi_final(p, c);
	}
	if (c < 0x20 || c > 0x3f || ++p->len > ANSI_SEQ_MAX)
		p->state = ANSI_TEXT;
	else if (p->len == 1)
		p->param = c;
	return ANSI_NONE;
}
