/*
 * Console input: every input device (serial line, keyboard) pushes the bytes
 * it receives into one queue; the shell reads them with console_getc().
 * Also the reading of control sequences the screen consoles share.
 */
#include <kernel/console.h>
#include <kernel/x86.h>

#define INPUT_QUEUE_SIZE 256 /* a power of two */

static volatile uint8_t input_queue[INPUT_QUEUE_SIZE];
static volatile unsigned int input_head, input_tail;
static int (*input_pollers[4])(void);
static size_t poller_count;
static void (*input_resume)(void); /* a throttled device's restart */

void console_input_push(uint8_t c)
{
	unsigned int next = (input_head + 1) & (INPUT_QUEUE_SIZE - 1);

	if (next == input_tail)
		return; /* full: drop, as a real terminal would */
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

void console_remove_poller(int (*poll)(void))
{
	uint64_t flags = irq_save();

	for (size_t i = 0; i < poller_count; i++) {
		if (input_pollers[i] != poll)
			continue;
		input_pollers[i] = input_pollers[--poller_count];
		break;
	}
	irq_restore(flags);
}

bool console_input_room(void)
{
	return ((input_head + 1) & (INPUT_QUEUE_SIZE - 1)) != input_tail;
}

void console_input_throttle(void (*resume)(void))
{
	input_resume = resume;
}

int console_trygetc(void)
{
	void (*resume)(void) = NULL;
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
		resume = input_resume;
		input_resume = NULL;
	}
	irq_restore(flags);
	if (resume)
		resume();
	return c;
}

int console_getc(void)
{
	int c;

	while ((c = console_trygetc()) < 0) {
		/*
		 * With interrupts on and nothing to poll, sleep until the next
		 * interrupt; "sti; hlt" cannot miss one that arrives between
		 * the check and the halt.
		 */
		if (poller_count || !(read_rflags() & RFLAGS_IF)) {
			cpu_relax();
			continue;
		}
		cli();
		if (input_tail == input_head)
			safe_halt();
		else
			sti();
	}
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
