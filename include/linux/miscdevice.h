/*
 * Linux-compatible <linux/miscdevice.h>: struct miscdevice,
 * MISC_DYNAMIC_MINOR, misc_register() and misc_deregister().
 */
#ifndef LINUX_MISCDEVICE_H
#define LINUX_MISCDEVICE_H

#include <linux/device.h>
#include <linux/fs.h>
#include <linux/major.h>
#include <kernel/device.h>

#endif
