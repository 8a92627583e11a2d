/* Linux-compatible <linux/container_of.h>: from a member to its structure. */
#ifndef LINUX_CONTAINER_OF_H
#define LINUX_CONTAINER_OF_H

#include <kernel/types.h>

#endif
