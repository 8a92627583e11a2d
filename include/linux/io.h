/*
 * Linux-compatible <linux/io.h>: port I/O as Linux's drivers write it --
 * inb(port), outb(value, port) and their 16- and 32-bit siblings -- which
 * <kernel/x86.h> defines with Linux's argument order.
 */
#ifndef LINUX_IO_H
#define LINUX_IO_H

#include <kernel/x86.h>

#endif
