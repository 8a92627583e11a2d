/*
 * Linux-compatible <linux/cdev.h>: struct cdev, cdev_init(), cdev_alloc(),
 * cdev_add() and cdev_del() of <kernel/cdev.h>.
 */
#ifndef LINUX_CDEV_H
#define LINUX_CDEV_H

#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <kernel/cdev.h>

#endif
