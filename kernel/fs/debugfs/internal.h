/*
 * What debugfs's two files share: each file's dentry carries (d_fsdata)
 * the operations it was made with and the count of calls in progress,
 * so that a removal can wait for them.
 */
#ifndef KERNEL_FS_DEBUGFS_INTERNAL_H
#define KERNEL_FS_DEBUGFS_INTERNAL_H

#include <kernel/debugfs.h>

struct debugfs_fsdata {
	const struct file_operations *real_fops; /* the creator's */
	int active;   /* calls in progress, under debugfs_lock */
	bool removed; /* no call starts any more */
};

/*
 * debugfs_deactivate - let no call start on @d or anything under it and
 * wait for those in progress (file.c).  Sleeps; not under vfs_lock.
 */
void debugfs_deactivate(struct dentry *d);

/* The operations of a file made by debugfs_create_file(): each call of
 * @real_fops wrapped in debugfs_file_get()/put() (file.c). */
extern const struct file_operations debugfs_full_proxy_fops;

#endif
