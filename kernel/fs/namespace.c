/*
 * File system types and the mount table.  A mount grafts a new super
 * block's tree on a directory; the walk crosses into it there and back
 * out by "..".  The first mount, a ramfs made at boot, is the root.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static LIST_HEAD(file_systems);

static struct file_system_type *find_filesystem(const char *name)
{
	struct file_system_type *fs;

	list_for_each_entry(fs, &file_systems, fs_list)
		if (!strcmp(fs->name, name))
			return fs;
	return NULL;
}

int register_filesystem(struct file_system_type *fs)
{
	int ret = 0;

	vfs_lock_acquire();
	if (find_filesystem(fs->name))
		ret = -EBUSY;
	else
		list_add_tail(&fs->fs_list, &file_systems);
	vfs_lock_release();
	return ret;
}
EXPORT_SYMBOL(register_filesystem);

void unregister_filesystem(struct file_system_type *fs)
{
	vfs_lock_acquire();
	list_del(&fs->fs_list);
	vfs_lock_release();
}
EXPORT_SYMBOL(unregister_filesystem);

/* A new super block of @type and a mount of it, not yet in the table. */
static int vfs_kern_mount(struct file_system_type *type, struct vfsmount **out)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	int ret = -ENOMEM;

	if (!sb || !mnt)
		goto out_free;
	sb->s_type = type;
	ret = type->fill_super(sb);
	if (ret)
		goto out_free;
	mnt->mnt_sb = sb;
	mnt->mnt_root = sb->s_root;
	mnt->mnt_count = 1; /* the table's */
	*out = mnt;
	return 0;
out_free:
	kfree(mnt);
	kfree(sb);
	return ret;
}

int ksys_mount(const char *fstype, const char *dir)
{
	struct file_system_type *type;
	struct vfsmount *mnt;
	struct path path;
	int ret;

	vfs_lock_acquire();
	type = find_filesystem(fstype);
	ret = type ? walk_path(dir, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path) :
		     -ENODEV;
	if (ret)
		goto out;
	ret = vfs_kern_mount(type, &mnt);
	if (ret) {
		path_put(&path);
		goto out;
	}
	/* The mount keeps the reference to its mount point the walk took. */
	mnt->mnt_parent = path.mnt;
	mnt->mnt_mountpoint = path.dentry;
	path.dentry->d_mounted++;
	list_add_tail(&mnt->mnt_list, &mount_table);
out:
	vfs_lock_release();
	return ret;
}

int ksys_umount(const char *dir)
{
	struct vfsmount *mnt;
	struct path path;
	int ret;

	vfs_lock_acquire();
	ret = walk_path(dir, LOOKUP_FOLLOW, &path);
	if (ret)
		goto out;
	mnt = path.mnt;
	path_put(&path);
	if (path.dentry != mnt->mnt_root || mnt->mnt_parent == mnt) {
		ret = -EINVAL; /* not a mount point, or the root */
	} else if (mnt->mnt_count > 1) {
		ret = -EBUSY;
	} else {
		list_del(&mnt->mnt_list);
		mnt->mnt_mountpoint->d_mounted--;
		dput(mnt->mnt_mountpoint);
		mnt_put(mnt->mnt_parent);
		mnt->mnt_sb->s_type->kill_sb(mnt->mnt_sb);
		kfree(mnt->mnt_sb);
		kfree(mnt);
	}
out:
	vfs_lock_release();
	return ret;
}

/* The root: a ramfs, as Linux's rootfs, before the initrd fills it. */
static int __init init_mount_tree(void)
{
	struct file_system_type *type;
	struct vfsmount *mnt;

	vfs_lock_acquire();
	type = find_filesystem("ramfs");
	if (!type || vfs_kern_mount(type, &mnt))
		panic("VFS: cannot mount the root file system");
	mnt->mnt_parent = mnt;
	mnt->mnt_mountpoint = mnt->mnt_root;
	list_add_tail(&mnt->mnt_list, &mount_table);
	fs_root.mnt = mnt;
	fs_root.dentry = mnt->mnt_root;
	vfs_lock_release();
	pr_info("VFS: mounted root (ramfs filesystem)\n");
	return 0;
}
fs_initcall_sync(init_mount_tree);
