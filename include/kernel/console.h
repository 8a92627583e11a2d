/*
 * The consoles printk writes to and the shell reads from: the 16550 serial
 * port and the VGA text screen.  Both start before the memory manager so the
 * very first messages are seen.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <kernel/types.h>

/* serial_early_init - program COM1 (115200 8N1) and register it. __init. */
void serial_early_init(void);
void serial_putc(char c);

/*
 * Console input.  Drivers push received bytes from their interrupt handlers
 * with console_input_push(); console_trygetc() takes the oldest, or returns
 * -1 if there is none.  Nothing here waits: the reader registers
 * console_input_ops and sleeps until told that input arrived, unless a
 * device has to be polled (below).
 */
void console_input_push(uint8_t c);
int console_trygetc(void);
/* console_input_pending - is a byte waiting for console_trygetc()? */
bool console_input_pending(void);

/*
 * A device without a working interrupt (COM1 when there is no interrupt
 * controller) registers a function that returns its next byte or -1;
 * console_trygetc() calls it.  0, or -ENOSPC when the table is full.
 * console_input_polled - is one registered?  Then nothing will wake a
 * sleeping reader, and it must poll.
 */
int console_add_poller(int (*poll)(void));
bool console_input_polled(void);

/* Ctrl-C, the interrupt character of a terminal (termios(3) VINTR). */
#define CONSOLE_INTR_CHAR 0x03

/*
 * What the reader of console input registers (the shell; registration goes
 * up, this layer is below the scheduler).  Both are called from the
 * interrupt handler that pushed the byte, with interrupts off:
 *   interrupt - CONSOLE_INTR_CHAR arrived: interrupt the reader (SIGINT),
 *               whatever it is doing.  The byte is queued too, in order,
 *               for a line editor that is reading.
 *   ready     - a byte was pushed: wake the reader.
 */
struct console_input_ops {
	void (*ready)(void);
	void (*interrupt)(void);
};

/* console_input_register - make @ops the reader's (NULL: none). */
void console_input_register(const struct console_input_ops *ops);

/*
 * Flow control for interrupt-driven input: a handler pushes only while
 * console_input_room() says so; when the queue is full it leaves the rest
 * in its device, stops its interrupts and calls console_input_throttle()
 * with a function that restarts them, which is called (once, with
 * interrupts off) when the reader has taken a byte.  So piped input waits
 * in the device instead of being dropped.
 */
bool console_input_room(void);
void console_input_throttle(void (*resume)(void));

/*
 * The few ECMA-48 control sequences (§5.4: ESC [ parameters final) the
 * shell sends, for the screen consoles: CUP "ESC [ H" homes the cursor, ED
 * "ESC [ J" / "ESC [ 2 J" erases below the cursor / everything, EL
 * "ESC [ K" erases to the end of the line.  Other sequences are swallowed;
 * one longer than ANSI_SEQ_MAX bytes is garbage and is given up on.
 */
#define ANSI_SEQ_MAX 16

enum ansi_action {
	ANSI_PRINT, /* an ordinary character: show it */
	ANSI_NONE,  /* part of a sequence: nothing to do yet */
	ANSI_HOME,
	ANSI_ERASE_BELOW,
	ANSI_ERASE_ALL,
	ANSI_ERASE_LINE,
};

struct ansi_parser {
	uint8_t state;
	uint8_t len; /* parameter bytes so far */
	char param;  /* the first of them */
};

/* ansi_feed - run output byte @c through @p and say what it asks for. */
enum ansi_action ansi_feed(struct ansi_parser *p, char c);

/* vga_early_init - clear the 80x25 text screen and register it. __init. */
void vga_early_init(void);

#endif
