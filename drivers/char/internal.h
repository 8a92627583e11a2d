/*
 * What the character drivers share: /dev/kmsg's operations (kmsg.c),
 * which the memory devices' major serves as minor 11 (mem.c).
 */
#ifndef DRIVERS_CHAR_INTERNAL_H
#define DRIVERS_CHAR_INTERNAL_H

#include <kernel/fs.h>

extern const struct file_operations kmsg_fops;

#endif
