/*
 * sysfs itself: a single-instance file system built with the libfs
 * helpers, made at fs_initcall so that kobjects can be added from then on
 * and mounted on /sys at late_initcall, once the root file system is
 * there.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/slab.h>

struct dentry *sysfs_root;

/* A node lives as long as its inode: an open file keeps both. */
static void sysfs_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct super_operations sysfs_super_operations = {
	.evict_inode = sysfs_evict_inode,
};

static int sysfs_fill_super(struct super_block *sb)
{
	sb->s_op = &sysfs_super_operations;
	return simple_fill_super(sb);
}

static struct file_system_type sysfs_fs_type = {
	.name = "sysfs",
	.fs_flags = FS_SINGLE,
	.fill_super = sysfs_fill_super,
	.kill_sb = kill_litter_super,
};

/* Without its tree no driver or module could add a kobject. */
static int __init sysfs_init(void)
{
	struct vfsmount *mnt;

	if (register_filesystem(&sysfs_fs_type) ||
	    kern_mount(&sysfs_fs_type, &mnt))
		panic("sysfs: cannot register or mount");
	sysfs_root = mnt->mnt_root;
	return 0;
}
fs_initcall(sysfs_init);

static int __init sysfs_mount_init(void)
{
	return vfs_mount_at("sysfs", "/sys");
}
late_initcall(sysfs_mount_init);
