/*
 * Console input: every input device (serial line, keyboard) pushes the bytes
 * it receives into one queue; the shell reads them with console_getc().
 */
#include <kernel/console.h>
#include <kernel/x86.h>

#define INPUT_QUEUE_SIZE 256	/* a power of two */

static volatile uint8_t input_queue[INPUT_QUEUE_SIZE];
static volatile unsigned int input_head, input_tail;
static int (*input_pollers[4])(void);
static size_t poller_count;

void console_input_push(uint8_t c)
{
	unsigned int next = (input_head + 1) & (INPUT_QUEUE_SIZE - 1);

	if (next == input_tail)
		return;	/* full: drop, as a real terminal would */
	input_queue[input_head] = c;
	input_head = next;
}

int console_add_poller(int (*poll)(void))
{
	if (poller_count == ARRAY_SIZE(input_pollers))
		return -1;
	input_pollers[poller_count++] = poll;
	return 0;
}

/* Room for one more byte?  Polled devices keep theirs until there is. */
static bool input_has_room(void)
{
	return ((input_head + 1) & (INPUT_QUEUE_SIZE - 1)) != input_tail;
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

		while (input_has_room() && (p = input_pollers[i]()) >= 0)
			console_input_push((uint8_t)p);
	}
	flags = irq_save();
	if (input_tail != input_head) {
		c = input_queue[input_tail];
		input_tail = (input_tail + 1) & (INPUT_QUEUE_SIZE - 1);
	}
	irq_restore(flags);
	return c;
}

int console_getc(void)
{
	int c;

	while ((c = console_trygetc()) < 0)
		cpu_relax();
	return c;
}
