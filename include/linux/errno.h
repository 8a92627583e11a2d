/* Linux-compatible <linux/errno.h>: the errno values (Linux's numbers). */
#ifndef LINUX_ERRNO_H
#define LINUX_ERRNO_H

#include <kernel/errno.h>

#endif
