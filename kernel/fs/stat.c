/*
 * What stat() and getcwd() tell about a name: an inode's attributes, read
 * under vfs_lock so they are seen whole, and the working directory written
 * back as a path by climbing its parents across mounts to the root.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define STAT_BLOCK_SIZE 512 /* st_blocks' unit, whatever the file system's */

static void fill_kstat(const struct inode *inode, struct kstat *stat)
{
	*stat = (struct kstat){
		.ino = inode->i_ino,
		.dev = inode->i_sb->s_dev,
		.rdev = inode->i_rdev,
		.mode = inode->i_mode,
		.nlink = inode->i_nlink,
		.size = inode->i_size,
		.blksize = PAGE_SIZE,
	};
	/* ramfs holds a regular file's data in whole pages. */
	if (S_ISREG(inode->i_mode))
		stat->blocks = ALIGN_UP(inode->i_size, (loff_t)PAGE_SIZE) /
			       STAT_BLOCK_SIZE;
}

static int stat_path(const char *name, unsigned int flags, struct kstat *stat)
{
	struct path path;
	int ret;

	vfs_lock_acquire();
	ret = walk_path(name, flags, &path);
	if (!ret) {
		fill_kstat(path.dentry->d_inode, stat);
		path_put(&path);
	}
	vfs_lock_release();
	return ret;
}

int vfs_stat(const char *name, struct kstat *stat)
{
	return stat_path(name, LOOKUP_FOLLOW, stat);
}
EXPORT_SYMBOL(vfs_stat);

int vfs_lstat(const char *name, struct kstat *stat)
{
	return stat_path(name, 0, stat);
}
EXPORT_SYMBOL(vfs_lstat);

/* Put "/" and @d's name in front of the @*len bytes at the end of @buf. */
static int prepend_name(char *buf, size_t *len, size_t size,
			const struct dentry *d)
{
	size_t n = d->d_name.len;

	if (*len + n + 1 > size - 1)
		return -ERANGE;
	memmove(buf + n + 1, buf, *len);
	buf[0] = '/';
	memcpy(buf + 1, d->d_name.name, n);
	*len += n + 1;
	return 0;
}

int vfs_getcwd(char *buf, size_t size)
{
	struct path p = current->fs ? current->fs->pwd : fs_root;
	size_t len = 0;
	int ret = 0;

	if (size < 2)
		return -ERANGE;
	vfs_lock_acquire();
	while (!ret && !(p.mnt == fs_root.mnt && p.dentry == fs_root.dentry)) {
		if (p.dentry == p.mnt->mnt_root) {
			if (p.mnt->mnt_parent == p.mnt)
				break; /* a mount in no directory */
			p.dentry = p.mnt->mnt_mountpoint;
			p.mnt = p.mnt->mnt_parent;
			continue;
		}
		ret = prepend_name(buf, &len, size, p.dentry);
		p.dentry = p.dentry->d_parent;
	}
	vfs_lock_release();
	if (ret)
		return ret;
	if (!len)
		buf[len++] = '/';
	buf[len] = '\0';
	return (int)len;
}
EXPORT_SYMBOL(vfs_getcwd);

int vfs_readlink(const char *name, char *buf, size_t size)
{
	struct path path;
	int ret;

	vfs_lock_acquire();
	ret = walk_path(name, 0, &path);
	if (!ret) {
		const struct inode *inode = path.dentry->d_inode;

		if (!S_ISLNK(inode->i_mode))
			ret = -EINVAL;
		else if (strlen(inode->i_link) >= size)
			ret = -ERANGE;
		else
			ret = (int)strlen(strcpy(buf, inode->i_link));
		path_put(&path);
	}
	vfs_lock_release();
	return ret;
}
EXPORT_SYMBOL(vfs_readlink);
