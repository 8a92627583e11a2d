/*
 * Linux-compatible <linux/debugfs.h>: debugfs_create_dir/file/u32/...,
 * debugfs_remove and DEFINE_DEBUGFS_ATTRIBUTE.
 */
#ifndef LINUX_DEBUGFS_H
#define LINUX_DEBUGFS_H

#include <linux/fs.h>
#include <linux/types.h>
#include <kernel/debugfs.h>

#endif
