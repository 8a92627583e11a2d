/*
 * Linux-compatible <linux/kobject.h>: struct kobject, kobj_type,
 * kobj_attribute, kernel_kobj and the kobject_* calls.
 */
#ifndef LINUX_KOBJECT_H
#define LINUX_KOBJECT_H

#include <linux/compiler.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/sysfs.h>
#include <linux/types.h>
#include <kernel/sysfs.h>

#endif
