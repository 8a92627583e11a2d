/*
 * Linux-compatible <linux/io.h>: port I/O as Linux's drivers write it.
 * inb() and friends read as <kernel/x86.h>'s do; Linux's outb(value,
 * port) puts the value first, the reverse of Sprout's outb(port, value),
 * so the outputs are macros that swap the two.
 */
#ifndef LINUX_IO_H
#define LINUX_IO_H

#include <kernel/x86.h>

/*
 * The name in parentheses is <kernel/x86.h>'s function, not the macro.
 * A kernel header with port output inline (<kernel/pci.h>) must come
 * before this one, or the macros would swap its arguments too.
 */
#define outb(value, port) (outb)((port), (value))
#define outw(value, port) (outw)((port), (value))
#define outl(value, port) (outl)((port), (value))

#endif
