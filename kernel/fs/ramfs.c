/*
 * ramfs: a file system whose only store is the VFS's own objects.  A
 * directory is its dentries; a regular file's data is one kmalloc'd
 * buffer that doubles as it grows; a symbolic link keeps its target in
 * i_link.  It is the root file system, as Linux's rootfs is a ramfs.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/sched.h>
#include <kernel/init.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

#define RAMFS_MIN_BUF 64
#define RAMFS_MAX_FILE (64 << 20) /* bytes: a file larger fails -EFBIG */

static const struct inode_operations ramfs_dir_inode_operations;
static const struct inode_operations ramfs_file_inode_operations;
static const struct file_operations ramfs_file_operations;
static const struct file_operations ramfs_dir_operations;

static struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return NULL;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	if (S_ISDIR(mode)) {
		inode->i_nlink = 2; /* its name and its "." */
		inode->i_op = &ramfs_dir_inode_operations;
		inode->i_fop = &ramfs_dir_operations;
	} else if (S_ISREG(mode)) {
		inode->i_op = &ramfs_file_inode_operations;
		inode->i_fop = &ramfs_file_operations;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *d, umode_t mode)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, mode);

	if (!inode)
		return -ENOSPC;
	d_instantiate(d, inode);
	d_add(d);
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *d, umode_t mode,
			bool excl)
{
	return ramfs_mknod(dir, d, mode);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *d, umode_t mode)
{
	int ret = ramfs_mknod(dir, d, mode);

	if (!ret)
		dir->i_nlink++; /* the child's ".." */
	return ret;
}

static int ramfs_symlink(struct inode *dir, struct dentry *d,
			 const char *target)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, S_IFLNK | 0777);
	char *link = kstrdup(target, GFP_KERNEL);

	if (!inode || !link) {
		kfree(link);
		iput(inode);
		return -ENOSPC;
	}
	inode->i_link = link;
	inode->i_size = strlen(link);
	d_instantiate(d, inode);
	d_add(d);
	return 0;
}

/* Another name for @old's inode, which the new dentry holds. */
static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *d)
{
	struct inode *inode = old->d_inode;

	inode->i_nlink++;
	inode->i_count++;
	d_instantiate(d, inode);
	d_add(d);
	return 0;
}

static int ramfs_unlink(struct inode *dir, struct dentry *d)
{
	d->d_inode->i_nlink--;
	d_delete(d); /* the data stays while a file holds the inode */
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *d)
{
	d->d_inode->i_nlink = 0;
	dir->i_nlink--;
	d_delete(d);
	return 0;
}

/* Truncate (O_TRUNC) to @size, which is at most i_size. */
static int ramfs_setattr(struct dentry *d, loff_t size)
{
	struct inode *inode = d->d_inode;

	mutex_lock_at(&inode->i_mutex, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	if (size < inode->i_size)
		inode->i_size = size;
	mutex_unlock_at(&inode->i_mutex, _THIS_IP_);
	return 0;
}

static ssize_t ramfs_read(struct file *file, char __user *buf, size_t count,
			  loff_t *pos)
{
	struct inode *inode = file->f_inode;
	ssize_t n = 0;

	mutex_lock_at(&inode->i_mutex, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	n = simple_read_from_buffer(buf, count, pos, inode->i_private,
				    inode->i_size);
	mutex_unlock_at(&inode->i_mutex, _THIS_IP_);
	return n;
}

/* Room for @end bytes, the gap past i_size zeroed; 0 or -ENOSPC. */
static int ramfs_grow(struct inode *inode, size_t end)
{
	size_t cap = inode->i_private ? ksize(inode->i_private) : 0;
	char *data;

	if (end > cap) {
		cap = cap ? cap : RAMFS_MIN_BUF;
		while (cap < end)
			cap *= 2;
		data = krealloc(inode->i_private, cap, GFP_KERNEL);
		if (!data)
			return -ENOSPC;
		inode->i_private = data;
	}
	if ((loff_t)end > inode->i_size)
		memset((char *)inode->i_private + inode->i_size, 0,
		       end - inode->i_size);
	return 0;
}

/* Copy @count bytes from @buf to *@pos (room made); what came, or -EFAULT. */
static ssize_t ramfs_copy_in(struct inode *inode, const char __user *buf,
			     size_t count, loff_t *pos)
{
	size_t n = count -
		   copy_from_user((char *)inode->i_private + *pos, buf, count);

	if (!n && count)
		return -EFAULT;
	*pos += n;
	if (*pos > inode->i_size)
		inode->i_size = *pos;
	return n;
}

static ssize_t ramfs_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *pos)
{
	struct inode *inode = file->f_inode;
	ssize_t ret;

	mutex_lock_at(&inode->i_mutex, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	if (file->f_flags & O_APPEND)
		*pos = inode->i_size;
	if (*pos < 0) {
		ret = -EINVAL;
	} else if (*pos > RAMFS_MAX_FILE ||
		   count > (size_t)(RAMFS_MAX_FILE - *pos)) {
		ret = -EFBIG;
	} else {
		ret = ramfs_grow(inode, *pos + count);
		if (!ret)
			ret = ramfs_copy_in(inode, buf, count, pos);
	}
	mutex_unlock_at(&inode->i_mutex, _THIS_IP_);
	return ret;
}

static void ramfs_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
	kfree(inode->i_link);
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.create = ramfs_create,
	.mkdir = ramfs_mkdir,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.setattr = ramfs_setattr,
};

static const struct file_operations ramfs_file_operations = {
	.llseek = generic_file_llseek,
	.read = ramfs_read,
	.write = ramfs_write,
};

static const struct file_operations ramfs_dir_operations = {
	.llseek = generic_file_llseek,
};

static const struct super_operations ramfs_ops = {
	.evict_inode = ramfs_evict_inode,
};

static int ramfs_fill_super(struct super_block *sb)
{
	struct inode *root = ramfs_get_inode(sb, S_IFDIR | 0755);

	sb->s_op = &ramfs_ops;
	sb->s_root = root ? d_make_root(root) : NULL;
	return sb->s_root ? 0 : -ENOMEM;
}

static struct file_system_type ramfs_fs_type = {
	.name = "ramfs",
	.fill_super = ramfs_fill_super,
	.kill_sb = kill_litter_super,
};

static int __init init_ramfs_fs(void)
{
	return register_filesystem(&ramfs_fs_type);
}
fs_initcall(init_ramfs_fs);
