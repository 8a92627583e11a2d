/*
 * The library of simple file systems: trees that kernel code builds node
 * by node rather than by path (procfs, sysfs, debugfs, devtmpfs), and the
 * small read, write and seek helpers drivers share, with Linux's names.
 * Every node is a dentry and an inode, as in ramfs; nothing is on disk.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

const struct file_operations simple_dir_operations = {
	.llseek = generic_file_llseek,
};
EXPORT_SYMBOL(simple_dir_operations);

static struct inode *simple_new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1; /* a directory's "." too */
	if (S_ISDIR(mode))
		inode->i_fop = &simple_dir_operations;
	return inode;
}

int simple_fill_super(struct super_block *sb)
{
	struct inode *root = simple_new_inode(sb, S_IFDIR | 0755);

	sb->s_root = root ? d_make_root(root) : NULL;
	if (!sb->s_root) {
		iput(root);
		return -ENOMEM;
	}
	return 0;
}
EXPORT_SYMBOL(simple_fill_super);

/* Remove every name under @dir, depth first. */
static void simple_remove_children(struct dentry *dir)
{
	struct dentry *d;

	while ((d = dir->d_children)) {
		if (S_ISDIR(d->d_inode->i_mode))
			simple_remove_children(d);
		d->d_inode->i_nlink = 0;
		d_delete(d);
	}
}

void kill_litter_super(struct super_block *sb)
{
	simple_remove_children(sb->s_root);
	dput(sb->s_root);
}
EXPORT_SYMBOL(kill_litter_super);

/* The inode of a new node; a link's target is copied into i_link. */
static int simple_node_inode(struct super_block *sb, umode_t mode, dev_t rdev,
			     const struct file_operations *fops, void *data,
			     struct inode **out)
{
	struct inode *inode = simple_new_inode(sb, mode);

	if (!inode)
		return -ENOMEM;
	if (S_ISLNK(mode)) {
		inode->i_link = kstrdup(data, GFP_KERNEL);
		if (!inode->i_link) {
			iput(inode);
			return -ENOMEM;
		}
		inode->i_size = strlen(inode->i_link);
	} else {
		if (!S_ISDIR(mode))
			inode->i_fop = fops;
		inode->i_private = data;
		inode->i_rdev = rdev;
	}
	*out = inode;
	return 0;
}

int simple_create_node(struct dentry *parent, const char *name, umode_t mode,
		       dev_t rdev, const struct file_operations *fops,
		       void *data, struct dentry **out)
{
	struct qstr q = { .name = name, .len = strlen(name) };
	struct inode *dir = parent->d_inode;
	struct inode *inode;
	struct dentry *d;
	int ret;

	vfs_lock_acquire();
	if (!S_ISDIR(dir->i_mode))
		ret = -ENOTDIR;
	else if (!dir->i_nlink)
		ret = -ENOENT;
	else if (is_dots(&q) || memchr(name, '/', q.len) ||
		 d_lookup(parent, &q))
		ret = -EEXIST;
	else
		ret = simple_node_inode(dir->i_sb, mode, rdev, fops, data,
					&inode);
	if (ret)
		goto out;
	d = d_alloc(parent, &q);
	if (!d) {
		iput(inode);
		ret = -ENOMEM;
		goto out;
	}
	d_instantiate(d, inode);
	d_add(d);
	if (S_ISDIR(mode))
		dir->i_nlink++; /* the child's ".." */
	dput(d);		/* the tree holds it */
	if (out)
		*out = d;
out:
	vfs_lock_release();
	return ret;
}
EXPORT_SYMBOL(simple_create_node);

void simple_remove(struct dentry *d)
{
	if (!d)
		return;
	vfs_lock_acquire();
	if (d->d_hashed) {
		if (S_ISDIR(d->d_inode->i_mode)) {
			simple_remove_children(d);
			d->d_parent->d_inode->i_nlink--;
		}
		d->d_inode->i_nlink = 0;
		d_delete(d);
	}
	vfs_lock_release();
}
EXPORT_SYMBOL(simple_remove);

/* excerpt: simple-read-from-buffer */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t n;

	if (pos < 0)
		return -EINVAL;
	if ((size_t)pos >= available || !count)
		return 0;
	n = MIN(count, available - (size_t)pos);
	n -= copy_to_user(to, (const char *)from + pos, n);
	if (!n)
		return -EFAULT;
	*ppos = pos + n;
	return n;
}
/* excerpt-end: simple-read-from-buffer */
EXPORT_SYMBOL(simple_read_from_buffer);

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
			       const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t n;

	if (pos < 0)
		return -EINVAL;
	if ((size_t)pos >= available || !count)
		return 0;
	n = MIN(count, available - (size_t)pos);
	n -= copy_from_user((char *)to + pos, from, n);
	if (!n)
		return -EFAULT;
	*ppos = pos + n;
	return n;
}
EXPORT_SYMBOL(simple_write_to_buffer);

int simple_open(struct inode *inode, struct file *file)
{
	if (inode->i_private)
		file->private_data = inode->i_private;
	return 0;
}
EXPORT_SYMBOL(simple_open);

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	return -ESPIPE;
}
EXPORT_SYMBOL(no_llseek);

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}
EXPORT_SYMBOL(noop_llseek);
