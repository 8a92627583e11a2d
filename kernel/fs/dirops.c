/*
 * Changes to the name space by path: make and remove directories, make
 * symbolic links, remove names.  Each walks to the parent directory,
 * checks what Linux checks (in this order, with its errnos) and calls the
 * file system's inode_operations, which add or delete the dentry.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/string.h>

/* Writing in @dir: the owner's w and x bits, and @dir still linked. */
static int may_change(struct inode *dir)
{
	if (!dir->i_nlink)
		return -ENOENT; /* removed while someone stood in it */
	return may_access(dir, S_IWUSR | S_IXUSR);
}

int create_in(struct path *parent, const struct qstr *last, umode_t mode,
	      const char *target, struct dentry **out)
{
	struct inode *dir = parent->dentry->d_inode;
	struct dentry *d;
	int ret;

	if (is_dots(last) || d_lookup(parent->dentry, last))
		return -EEXIST;
	ret = may_change(dir);
	if (ret)
		return ret;
	d = d_alloc(parent->dentry, last);
	if (!d)
		return -ENOMEM;
	if (S_ISDIR(mode))
		ret = dir->i_op->mkdir ? dir->i_op->mkdir(dir, d, mode) :
					 -EPERM;
	else if (S_ISLNK(mode))
		ret = dir->i_op->symlink ? dir->i_op->symlink(dir, d, target) :
					   -EPERM;
	else
		ret = dir->i_op->create ?
			      dir->i_op->create(dir, d, mode, false) :
			      -EPERM;
	if (!ret && out)
		*out = dget(d);
	dput(d); /* the tree holds it now, if it was made */
	return ret;
}

static int create_path(const char *name, umode_t mode, const char *target)
{
	struct path parent;
	struct qstr last;
	int ret;

	vfs_lock_acquire();
	ret = walk_parent(name, &parent, &last);
	if (!ret) {
		ret = create_in(&parent, &last, mode, target, NULL);
		path_put(&parent);
	}
	vfs_lock_release();
	return ret;
}

int ksys_mkdir(const char *name, umode_t mode)
{
	return create_path(name, S_IFDIR | (mode & 07777), NULL);
}
EXPORT_SYMBOL(ksys_mkdir);

int ksys_symlink(const char *target, const char *name)
{
	size_t len = strnlen(target, PATH_MAX);

	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (!len)
		return -ENOENT;
	return create_path(name, S_IFLNK | 0777, target);
}
EXPORT_SYMBOL(ksys_symlink);

/* The child @last of @parent to remove, once checked for either call. */
static int remove_lookup(struct path *parent, const struct qstr *last,
			 struct dentry **out)
{
	int ret = may_change(parent->dentry->d_inode);

	if (ret)
		return ret;
	*out = d_lookup(parent->dentry, last);
	if (!*out)
		return -ENOENT;
	return (*out)->d_mounted ? -EBUSY : 0;
}

static int remove_path(const char *name, bool dir)
{
	struct inode *pdir;
	struct dentry *d;
	struct path parent;
	struct qstr last;
	int ret;

	vfs_lock_acquire();
	ret = walk_parent(name, &parent, &last);
	if (ret)
		goto out;
	pdir = parent.dentry->d_inode;
	if (is_dots(&last))
		ret = !dir	    ? -EISDIR :
		      !last.len	    ? -EBUSY :
		      last.len == 1 ? -EINVAL :
				      -ENOTEMPTY;
	else
		ret = remove_lookup(&parent, &last, &d);
	if (ret)
		goto out_put;
	if (dir && !S_ISDIR(d->d_inode->i_mode))
		ret = -ENOTDIR;
	else if (!dir && S_ISDIR(d->d_inode->i_mode))
		ret = -EISDIR;
	else if (dir && d->d_children)
		ret = -ENOTEMPTY;
	else if (dir)
		ret = pdir->i_op->rmdir ? pdir->i_op->rmdir(pdir, d) : -EPERM;
	else
		ret = pdir->i_op->unlink ? pdir->i_op->unlink(pdir, d) : -EPERM;
out_put:
	path_put(&parent);
out:
	vfs_lock_release();
	return ret;
}

int ksys_rmdir(const char *name)
{
	return remove_path(name, true);
}
EXPORT_SYMBOL(ksys_rmdir);

int ksys_unlink(const char *name)
{
	return remove_path(name, false);
}
EXPORT_SYMBOL(ksys_unlink);
