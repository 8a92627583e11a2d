/*
 * Linux-compatible <linux/fs.h>: the VFS objects and operation tables of
 * <kernel/fs.h>, under Linux's names, and the character device numbers
 * of <kernel/cdev.h> (register_chrdev() and the regions).  Linux's filp_open() reports failure
 * as an ERR_PTR where Sprout's file_open_name() returns an errno.
 */
#ifndef LINUX_FS_H
#define LINUX_FS_H

#include <linux/err.h>
#include <linux/types.h>
#include <kernel/cdev.h>
#include <kernel/fs.h>

/* iminor/imajor - a device inode's minor and major numbers. */
static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline unsigned int imajor(const struct inode *inode)
{
	return MAJOR(inode->i_rdev);
}

/* Linux's filp_close() also names the owner of POSIX locks, which Sprout
 * has none of: the shim drops it. */
typedef void *fl_owner_t;
#define filp_close(file, id) filp_close(file)

static inline struct file *filp_open(const char *name, int flags, umode_t mode)
{
	struct file *f;
	int ret = file_open_name(name, flags, mode, &f);

	return ret ? ERR_PTR(ret) : f;
}

#endif
