/*
 * procfs itself: a single-instance file system whose tree is built under
 * kern_mount()'s root at fs_initcall, before any driver or module makes
 * an entry, and mounted on /proc at late_initcall, once the root is up.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include "internal.h"

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.fs_flags = FS_SINGLE,
	.fill_super = proc_fill_super,
	.kill_sb = kill_litter_super,
};

static struct vfsmount *proc_mnt;

static int __init proc_root_init(void)
{
	int err = register_filesystem(&proc_fs_type);

	if (!err)
		err = kern_mount(&proc_fs_type, &proc_mnt);
	if (err) {
		pr_err("proc: cannot set up procfs: error %d\n", err);
		return err;
	}
	proc_root.dentry = proc_mnt->mnt_root;
	return proc_pid_init();
}
fs_initcall(proc_root_init);

static int __init proc_mount_init(void)
{
	return proc_mnt ? vfs_mount_at("proc", "/proc") : -ENODEV;
}
late_initcall(proc_mount_init);
