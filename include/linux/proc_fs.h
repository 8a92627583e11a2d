/*
 * Linux-compatible <linux/proc_fs.h>: procfs's entries and struct
 * proc_ops as <kernel/proc_fs.h> has them (Linux 6.1).
 */
#ifndef LINUX_PROC_FS_H
#define LINUX_PROC_FS_H

#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/types.h>
#include <kernel/proc_fs.h>

#endif
