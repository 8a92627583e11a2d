/* Linux-compatible <linux/list.h>: struct list_head and its helpers. */
#ifndef LINUX_LIST_H
#define LINUX_LIST_H

#include <linux/container_of.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <kernel/list.h>

#endif
