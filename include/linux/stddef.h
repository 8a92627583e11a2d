/* Linux-compatible <linux/stddef.h>: NULL, offsetof, true/false. */
#ifndef LINUX_STDDEF_H
#define LINUX_STDDEF_H

#include <kernel/types.h>

#define sizeof_field(type, member) sizeof(((type *)0)->member)

#endif
