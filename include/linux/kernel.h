/* Linux-compatible <linux/kernel.h>: the common helpers a driver expects. */
#ifndef LINUX_KERNEL_H
#define LINUX_KERNEL_H

#include <linux/types.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/errno.h>

#endif
