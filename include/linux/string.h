/*
 * Linux-compatible <linux/string.h>: memcpy, strlen, strscpy and the rest,
 * and the copies into kmalloc memory (kstrdup, kmemdup).
 */
#ifndef LINUX_STRING_H
#define LINUX_STRING_H

#include <linux/gfp.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#endif
