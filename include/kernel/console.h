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
int console_add_poller(int (*poll)(void));
void console_remove_poller(int (*poll)(void));
int console_getc(void);
int console_trygetc(void);

/* vga_early_init - clear the 80x25 text screen and register it. __init. */
void vga_early_init(void);

#endif
