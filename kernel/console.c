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

int console_trygetc(void)
{
	uint64_t flags;
	int c = -1;

	for (size_t i = 0; i < poller_count; i++) {
		int p;

		while ((p = input_pollers[i]()) >= 0)
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
