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
/* serial_getc - the next received byte, or -1 if none is waiting. */
int serial_getc(void);

/*
 * Console input.  Drivers push received bytes (from interrupt handlers too)
 * with console_input_push(), or register a function the reader polls (and
 * remove it when interrupts take over);
 * console_getc() waits for the next byte, console_trygetc() returns -1 if
 * there is none.
 */
void console_input_push(uint8_t c);

/*
 * Flow control for interrupt-driven input: a handler pushes only while
 * console_input_room() says so; when the queue is full it leaves the rest
 * in its device, stops its interrupts and calls console_input_throttle()
 * with a function that restarts them, which the reader calls (once, in
 * process context) after it has taken a byte.  So piped input waits in the
 * device instead of being dropped.
 */
bool console_input_room(void);
void console_input_throttle(void (*resume)(void));

int console_add_poller(int (*poll)(void));
void console_remove_poller(int (*poll)(void));
int console_getc(void);
int console_trygetc(void);

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
