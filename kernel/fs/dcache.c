/*
 * The lifetimes of inodes and dentries, and the tables every walk reads
 * (the root, the mounts).  An inode lives while a dentry or an open file
 * holds it, so an unlinked open file is read to its last close, as on
 * Linux.  A dentry holds its parent and its inode; the parent's tree
 * holds it.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

struct mutex vfs_lock = MUTEX_INITIALIZER(vfs_lock);
struct path fs_root;
LIST_HEAD(mount_table);

void vfs_lock_acquire(void)
{
	mutex_lock_at(&vfs_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

void vfs_lock_release(void)
{
	mutex_unlock_at(&vfs_lock, _THIS_IP_);
}

struct inode *new_inode(struct super_block *sb)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_ino = ++sb->s_next_ino;
	inode->i_count = 1;
	mutex_init_named(&inode->i_mutex, "i_mutex");
	return inode;
}
EXPORT_SYMBOL(new_inode);

void iput(struct inode *inode)
{
	if (!inode || --inode->i_count)
		return;
	if (inode->i_sb->s_op && inode->i_sb->s_op->evict_inode)
		inode->i_sb->s_op->evict_inode(inode);
	kfree(inode);
}
EXPORT_SYMBOL(iput);

static struct dentry *d_alloc_name(const struct qstr *name)
{
	struct dentry *d = kzalloc(sizeof(*d) + name->len + 1, GFP_KERNEL);

	if (!d)
		return NULL;
	memcpy(d->d_iname, name->name, name->len);
	d->d_name.name = d->d_iname;
	d->d_name.len = name->len;
	d->d_count = 1;
	return d;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = d_alloc_name(name);

	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	d->d_sb = parent->d_sb;
	return d;
}
EXPORT_SYMBOL(d_alloc);

struct dentry *d_make_root(struct inode *inode)
{
	static const struct qstr slash = { "/", 1 };
	struct dentry *d = d_alloc_name(&slash);

	if (!d) {
		iput(inode);
		return NULL;
	}
	d->d_parent = d;
	d->d_sb = inode->i_sb;
	d->d_inode = inode;
	return d;
}
EXPORT_SYMBOL(d_make_root);

void d_instantiate(struct dentry *d, struct inode *inode)
{
	d->d_inode = inode;
}
EXPORT_SYMBOL(d_instantiate);

void d_add(struct dentry *d)
{
	dget(d);
	dtree_insert(&d->d_parent->d_children, d);
	d->d_hashed = true;
}
EXPORT_SYMBOL(d_add);

void d_delete(struct dentry *d)
{
	if (!d->d_hashed)
		return;
	dtree_erase(&d->d_parent->d_children, d);
	d->d_hashed = false;
	dput(d);
}
EXPORT_SYMBOL(d_delete);

struct dentry *dget(struct dentry *d)
{
	d->d_count++;
	return d;
}
EXPORT_SYMBOL(dget);

void dput(struct dentry *d)
{
	/* Iterative up the parents: a deep tree must not recurse. */
	while (d && !--d->d_count) {
		struct dentry *parent = d->d_parent == d ? NULL : d->d_parent;

		if (d->d_op && d->d_op->d_release)
			d->d_op->d_release(d);
		iput(d->d_inode);
		kfree(d);
		d = parent;
	}
}
EXPORT_SYMBOL(dput);

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	return dtree_find(parent->d_children, name);
}
EXPORT_SYMBOL(d_lookup);

void path_get(const struct path *p)
{
	mnt_get(p->mnt);
	dget(p->dentry);
}
EXPORT_SYMBOL(path_get);

void path_put(const struct path *p)
{
	dput(p->dentry);
	mnt_put(p->mnt);
}
EXPORT_SYMBOL(path_put);

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct vfsmount *mnt;

	if (!path->dentry->d_mounted)
		return NULL;
	list_for_each_entry(mnt, &mount_table, mnt_list)
		if (mnt->mnt_parent == path->mnt &&
		    mnt->mnt_mountpoint == path->dentry)
			return mnt;
	return NULL;
}

static bool iterate_one(struct dentry *d, void *arg)
{
	struct dir_context *ctx = arg;

	if (!ctx->actor(ctx, d->d_name.name, d->d_name.len, d->d_inode->i_ino,
			d->d_inode->i_mode))
		return false;
	ctx->pos++;
	return true;
}

int iterate_dir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry;

	if (!S_ISDIR(file->f_inode->i_mode))
		return -ENOTDIR;
	vfs_lock_acquire();
	dtree_walk(dir->d_children, (unsigned long)ctx->pos, iterate_one, ctx);
	vfs_lock_release();
	return 0;
}
EXPORT_SYMBOL(iterate_dir);
