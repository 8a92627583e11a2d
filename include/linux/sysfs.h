/*
 * Linux-compatible <linux/sysfs.h>: struct attribute, attribute_group,
 * __ATTR*, sysfs_create_file/group and sysfs_emit().
 */
#ifndef LINUX_SYSFS_H
#define LINUX_SYSFS_H

#include <linux/compiler.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <kernel/sysfs.h>

#endif
