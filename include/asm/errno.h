/*
 * Linux-compatible <asm/errno.h>: the errno values, which classic
 * character device examples include by this name.
 */
#ifndef ASM_ERRNO_H
#define ASM_ERRNO_H

#include <linux/errno.h>

#endif
