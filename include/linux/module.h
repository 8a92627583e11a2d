/*
 * Linux-compatible <linux/module.h>: module_init()/module_exit() (or a
 * module's own init_module/cleanup_module), MODULE_*() metadata,
 * parameters and exports.  It pulls in what Linux's does, so a module
 * that includes only this has printk, pr_*(), the errno values, the
 * permission bits and the list and string helpers.
 */
#ifndef LINUX_MODULE_H
#define LINUX_MODULE_H

/* excerpt: linux-module-includes */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <kernel/module.h>

/* What the loader calls: module_init()/module_exit() alias them, or define them. */
extern int init_module(void);
extern void cleanup_module(void);
/* excerpt-end: linux-module-includes */

#endif
