/* Linux-compatible <linux/string.h>: memcpy, strlen and the rest. */
#ifndef LINUX_STRING_H
#define LINUX_STRING_H

#include <kernel/string.h>

#endif
