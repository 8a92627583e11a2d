/*
 * The name-space calls only boot uses, as Linux's fs/init.c: the
 * initramfs unpacker links the hard links of one file, gives each name
 * the permission bits its archive says and asks what a path already is.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/init.h>

/* Link @old's inode in as @last of @parent: the checks of Linux's vfs_link. */
static int link_in(struct path *old, struct path *parent,
		   const struct qstr *last)
{
	struct inode *dir = parent->dentry->d_inode;
	struct dentry *d;
	int ret;

	if (S_ISDIR(old->dentry->d_inode->i_mode))
		return -EPERM;
	if (old->mnt != parent->mnt)
		return -EXDEV;
	if (is_dots(last) || d_lookup(parent->dentry, last))
		return -EEXIST;
	if (!dir->i_op->link)
		return -EPERM;
	d = d_alloc(parent->dentry, last);
	if (!d)
		return -ENOMEM;
	ret = dir->i_op->link(old->dentry, dir, d);
	dput(d); /* the tree holds it now, if it was linked */
	return ret;
}

int __init init_link(const char *old_name, const char *new_name)
{
	struct path old, parent;
	struct qstr last;
	int ret;

	vfs_lock_acquire();
	ret = walk_path(old_name, 0, &old);
	if (ret)
		goto out;
	ret = walk_parent(new_name, &parent, &last);
	if (!ret) {
		ret = link_in(&old, &parent, &last);
		path_put(&parent);
	}
	path_put(&old);
out:
	vfs_lock_release();
	return ret;
}

int __init init_chmod(const char *name, umode_t mode)
{
	struct inode *inode;
	struct path path;
	int ret;

	vfs_lock_acquire();
	ret = walk_path(name, LOOKUP_FOLLOW, &path);
	if (!ret) {
		inode = path.dentry->d_inode;
		inode->i_mode = (inode->i_mode & S_IFMT) | (mode & 07777);
		path_put(&path);
	}
	vfs_lock_release();
	return ret;
}

int __init init_stat(const char *name, umode_t *mode)
{
	struct path path;
	int ret;

	vfs_lock_acquire();
	ret = walk_path(name, 0, &path);
	if (!ret) {
		*mode = path.dentry->d_inode->i_mode;
		path_put(&path);
	}
	vfs_lock_release();
	return ret;
}
