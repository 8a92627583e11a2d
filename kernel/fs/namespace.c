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

/* The last anonymous device number given to a super block. */
static unsigned int anon_minor;

/* A super block of @type: FS_SINGLE's one if it has it, else a new one. */
static int sget(struct file_system_type *type, struct super_block **out)
{
	struct super_block *sb = type->single_sb;
	int ret;

	if (sb) {
		sb->s_active++;
		*out = sb;
		return 0;
	}
	sb = kzalloc(sizeof(*sb), GFP_KERNEL);
	if (!sb)
		return -ENOMEM;
	sb->s_type = type;
	sb->s_active = 1;
	sb->s_dev = MKDEV(0, ++anon_minor); /* Linux's get_anon_bdev() */
	ret = type->fill_super(sb);
	if (ret) {
		kfree(sb);
		return ret;
	}
	if (type->fs_flags & FS_SINGLE)
		type->single_sb = sb;
	*out = sb;
	return 0;
}

/* Drop a mount's hold on @sb; the last takes its tree down. */
static void deactivate_super(struct super_block *sb)
{
	if (--sb->s_active)
		return;
	if (sb->s_type->single_sb == sb)
		sb->s_type->single_sb = NULL;
	sb->s_type->kill_sb(sb);
	kfree(sb);
}

/* A mount of a super block of @type, not yet in the table. */
static int vfs_kern_mount(struct file_system_type *type, struct vfsmount **out)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);
	int ret;

	if (!mnt)
		return -ENOMEM;
	ret = sget(type, &mnt->mnt_sb);
	if (ret) {
		kfree(mnt);
		return ret;
	}
	mnt->mnt_root = dget(mnt->mnt_sb->s_root);
	mnt->mnt_count = 1; /* the table's, or the kernel's */
	INIT_LIST_HEAD(&mnt->mnt_list);
	*out = mnt;
	return 0;
}

int kern_mount(struct file_system_type *type, struct vfsmount **out)
{
	int ret;

	vfs_lock_acquire();
	ret = vfs_kern_mount(type, out);
	if (!ret)
		(*out)->mnt_parent = *out; /* in no directory */
	vfs_lock_release();
	return ret;
}
EXPORT_SYMBOL(kern_mount);

void kern_unmount(struct vfsmount *mnt)
{
	vfs_lock_acquire();
	dput(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	vfs_lock_release();
	kfree(mnt);
}
EXPORT_SYMBOL(kern_unmount);

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
		dput(mnt->mnt_root);
		deactivate_super(mnt->mnt_sb);
		kfree(mnt);
	}
out:
	vfs_lock_release();
	return ret;
}

int vfs_mount_at(const char *fstype, const char *dir)
{
	int ret = ksys_mkdir(dir, 0755);

	if (ret && ret != -EEXIST)
		goto fail;
	ret = ksys_mount(fstype, dir);
	if (!ret)
		return 0;
fail:
	pr_err("VFS: cannot mount %s on %s: error %d\n", fstype, dir, ret);
	return ret;
}
EXPORT_SYMBOL(vfs_mount_at);

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
