/*
 * Linux-compatible <linux/io.h>, port input only: inb() from
 * <kernel/x86.h> reads as Linux's does.  Sprout's outb() takes (port,
 * value), the reverse of Linux's (value, port), so a Linux source that
 * writes ports does not compile unchanged yet.
 */
#ifndef LINUX_IO_H
#define LINUX_IO_H

#include <kernel/x86.h>

#endif
