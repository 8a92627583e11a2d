/*
 * Opening a file by name and the calls on an open one: read, write and
 * seek through its file_operations, and the last close.  A struct file
 * holds its path (so its mount stays busy) and its inode (so an unlinked
 * file's data lives until the close).
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/slab.h>
#include <kernel/uaccess.h>

/* With O_CREAT: the existing name (walked again, to follow a link), or a
 * new regular file, which the opener may use whatever its mode. */
static int open_create(const char *name, int flags, umode_t mode,
		       struct path *path, bool *created)
{
	struct path parent;
	struct dentry *d;
	struct qstr last;
	int ret = walk_parent(name, &parent, &last);

	if (ret)
		return ret;
	d = is_dots(&last) ? parent.dentry : d_lookup(parent.dentry, &last);
	if (d) {
		path_put(&parent);
		if (flags & O_EXCL)
			return -EEXIST;
		return walk_path(name, LOOKUP_FOLLOW, path);
	}
	ret = create_in(&parent, &last, S_IFREG | (mode & 07777), NULL, &d);
	if (!ret) {
		path->mnt = parent.mnt;
		path->dentry = d;
		mnt_get(path->mnt);
		*created = true;
	}
	path_put(&parent);
	return ret;
}

/* May the file at @path be opened with @flags?  Then truncate it. */
static int open_check(struct path *path, int flags, bool created)
{
	struct inode *inode = path->dentry->d_inode;
	int acc = flags & O_ACCMODE;
	umode_t mask = 0;
	int ret;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP; /* O_NOFOLLOW on a link */
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	if (!S_ISDIR(inode->i_mode) && (flags & O_DIRECTORY))
		return -ENOTDIR;
	if (acc != O_WRONLY)
		mask |= S_IRUSR;
	if (acc != O_RDONLY)
		mask |= S_IWUSR;
	ret = created ? 0 : may_access(inode, mask);
	if (ret || !(flags & O_TRUNC) || acc == O_RDONLY ||
	    !S_ISREG(inode->i_mode))
		return ret;
	return inode->i_op && inode->i_op->setattr ?
		       inode->i_op->setattr(path->dentry, 0) :
		       0;
}

static int open_path(const char *name, int flags, umode_t mode,
		     struct path *path)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	bool created = false;
	int ret;

	if (flags & O_NOFOLLOW)
		lookup = 0;
	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	if (flags & O_CREAT)
		ret = open_create(name, flags, mode, path, &created);
	else
		ret = walk_path(name, lookup, path);
	if (ret)
		return ret;
	ret = open_check(path, flags, created);
	if (ret)
		path_put(path);
	return ret;
}

/* excerpt: file-open-name */
int file_open_name(const char *name, int flags, umode_t mode,
		   struct file **filp)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return -ENOMEM;
	vfs_lock_acquire();
	ret = open_path(name, flags, mode, &f->f_path);
	if (!ret) {
		f->f_inode = f->f_path.dentry->d_inode;
		f->f_inode->i_count++;
	}
	vfs_lock_release();
	if (ret)
		goto out_free;
	f->f_count = 1;
	f->f_op = fops_get(f->f_inode->i_fop);
	if (f->f_inode->i_fop && !f->f_op) {
		fput(f); /* its module is going away */
		return -ENODEV;
	}
	f->f_flags = flags;
	f->f_mode = (flags & O_ACCMODE) == O_RDONLY ? FMODE_READ :
		    (flags & O_ACCMODE) == O_WRONLY ? FMODE_WRITE :
						      FMODE_READ | FMODE_WRITE;
	ret = f->f_op && f->f_op->open ? f->f_op->open(f->f_inode, f) : 0;
	if (ret) {
		fops_put(f->f_op);
		f->f_op = NULL; /* no release for an open that failed */
		fput(f);
		return ret;
	}
	*filp = f;
	return 0;
out_free:
	kfree(f);
	return ret;
}
/* excerpt-end: file-open-name */
EXPORT_SYMBOL(file_open_name);

/* excerpt: fput */
void fput(struct file *file)
{
	if (--file->f_count)
		return;
	if (file->f_op && file->f_op->release)
		file->f_op->release(file->f_inode, file);
	fops_put(file->f_op);
	vfs_lock_acquire();
	iput(file->f_inode);
	path_put(&file->f_path);
	vfs_lock_release();
	kfree(file);
}
EXPORT_SYMBOL(fput);
/* excerpt-end: fput */

int filp_close(struct file *file)
{
	fput(file);
	return 0;
}
EXPORT_SYMBOL(filp_close);

/* excerpt: vfs-read */
ssize_t vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (!file->f_op || !file->f_op->read)
		return -EINVAL;
	return file->f_op->read(file, buf, count, pos);
}
EXPORT_SYMBOL(vfs_read);
/* excerpt-end: vfs-read */

ssize_t vfs_write(struct file *file, const char __user *buf, size_t count,
		  loff_t *pos)
{
	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op || !file->f_op->write)
		return -EINVAL;
	return file->f_op->write(file, buf, count, pos);
}
EXPORT_SYMBOL(vfs_write);

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct uaccess_window saved;
	ssize_t ret;

	uaccess_window_open(&saved, buf, count);
	ret = vfs_read(file, (char __user *)buf, count, pos);
	uaccess_window_close(&saved);
	return ret;
}
EXPORT_SYMBOL(kernel_read);

ssize_t kernel_write(struct file *file, const void *buf, size_t count,
		     loff_t *pos)
{
	struct uaccess_window saved;
	ssize_t ret;

	uaccess_window_open(&saved, buf, count);
	ret = vfs_write(file, (const char __user *)buf, count, pos);
	uaccess_window_close(&saved);
	return ret;
}
EXPORT_SYMBOL(kernel_write);

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	if (!file->f_op || !file->f_op->llseek)
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}
EXPORT_SYMBOL(vfs_llseek);

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = file->f_inode->i_size;
		break;
	default:
		return -EINVAL;
	}
	if (offset < -base)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}
EXPORT_SYMBOL(generic_file_llseek);
