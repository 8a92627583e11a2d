/*
 * debugfs itself: a single-instance file system built with the libfs
 * helpers and mounted on /sys/kernel/debug (a mount point sysfs offers
 * under /sys/kernel) at late_initcall, after /sys.  Files are made and
 * removed by dentry, as Linux's API has it; a removal marks every file
 * under the dentry removed, waits for their calls in progress, then
 * takes the names away.
 */
#include "internal.h"
#include "../internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/sysfs.h>
#include <linux/err.h>

static struct dentry *debugfs_root;

static void debugfs_release_dentry(struct dentry *d)
{
	kfree(d->d_fsdata);
}

static const struct dentry_operations debugfs_dops = {
	.d_release = debugfs_release_dentry,
};

/* The directory a new node goes in: NULL is the root; errors pass on. */
static struct dentry *debugfs_parent(struct dentry *parent)
{
	if (IS_ERR(parent))
		return parent;
	if (!debugfs_root)
		return ERR_PTR(-ENOENT); /* before fs_initcall */
	return parent ? parent : debugfs_root;
}

static struct dentry *debugfs_create(const char *name, umode_t mode,
				     struct dentry *parent, void *data,
				     const struct file_operations *real,
				     const struct file_operations *fops)
{
	struct debugfs_fsdata *fsd = NULL;
	struct dentry *d;
	int ret;

	parent = debugfs_parent(parent);
	if (IS_ERR(parent))
		return parent;
	if (!S_ISDIR(mode)) {
		fsd = kzalloc(sizeof(*fsd), GFP_KERNEL);
		if (!fsd)
			return ERR_PTR(-ENOMEM);
		fsd->real_fops = real;
	}
	ret = simple_create_node(parent, name, mode, 0, fops, data, &d);
	if (ret) {
		kfree(fsd);
		if (ret == -EEXIST)
			pr_err("debugfs: File '%s' in directory '%s' already present!\n",
			       name, parent->d_name.name);
		return ERR_PTR(ret);
	}
	vfs_lock_acquire();
	d->d_fsdata = fsd;
	d->d_op = &debugfs_dops;
	vfs_lock_release();
	return d;
}

/* Linux's: a file's mode without a type is a regular file's. */
static umode_t debugfs_file_mode(umode_t mode)
{
	return mode & S_IFMT ? mode : mode | S_IFREG;
}

/* Linux's debugfs_noop_file_operations: a file that does nothing. */
static const struct file_operations debugfs_noop_fops = {
	.open = simple_open,
	.llseek = noop_llseek,
};

struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops)
{
	return debugfs_create(name, debugfs_file_mode(mode), parent, data,
			      fops ? fops : &debugfs_noop_fops,
			      &debugfs_full_proxy_fops);
}
EXPORT_SYMBOL(debugfs_create_file);

struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
					  struct dentry *parent, void *data,
					  const struct file_operations *fops)
{
	fops = fops ? fops : &debugfs_noop_fops;
	return debugfs_create(name, debugfs_file_mode(mode), parent, data, fops,
			      fops);
}
EXPORT_SYMBOL(debugfs_create_file_unsafe);

void debugfs_create_file_size(const char *name, umode_t mode,
			      struct dentry *parent, void *data,
			      const struct file_operations *fops,
			      loff_t file_size)
{
	struct dentry *d = debugfs_create_file(name, mode, parent, data, fops);

	if (IS_ERR(d))
		return;
	vfs_lock_acquire();
	d->d_inode->i_size = file_size;
	vfs_lock_release();
}
EXPORT_SYMBOL(debugfs_create_file_size);

struct dentry *debugfs_create_dir(const char *name, struct dentry *parent)
{
	return debugfs_create(name, S_IFDIR | 0755, parent, NULL, NULL, NULL);
}
EXPORT_SYMBOL(debugfs_create_dir);

void debugfs_remove(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	debugfs_deactivate(dentry);
	simple_remove(dentry);
}
EXPORT_SYMBOL(debugfs_remove);

struct dentry *debugfs_lookup(const char *name, struct dentry *parent)
{
	struct qstr q = { .name = name, .len = strlen(name) };
	struct dentry *d;

	parent = debugfs_parent(parent);
	if (IS_ERR(parent))
		return NULL;
	vfs_lock_acquire();
	d = d_lookup(parent, &q);
	if (d)
		dget(d);
	vfs_lock_release();
	return d;
}
EXPORT_SYMBOL(debugfs_lookup);

void debugfs_lookup_and_remove(const char *name, struct dentry *parent)
{
	struct dentry *d = debugfs_lookup(name, parent);

	if (!d)
		return;
	debugfs_remove(d);
	vfs_lock_acquire();
	dput(d);
	vfs_lock_release();
}
EXPORT_SYMBOL(debugfs_lookup_and_remove);

static struct file_system_type debugfs_fs_type = {
	.name = "debugfs",
	.fs_flags = FS_SINGLE,
	.fill_super = simple_fill_super,
	.kill_sb = kill_litter_super,
};

/* After sysfs's fs_initcall (link order): its mount point is in /sys. */
static int __init debugfs_init(void)
{
	struct vfsmount *mnt;

	if (sysfs_create_mount_point(kernel_kobj, "debug") ||
	    register_filesystem(&debugfs_fs_type) ||
	    kern_mount(&debugfs_fs_type, &mnt))
		panic("debugfs: cannot register or mount");
	debugfs_root = mnt->mnt_root;
	return 0;
}
fs_initcall(debugfs_init);

/* After sysfs's mount on /sys (link order within late_initcall). */
static int __init debugfs_mount_init(void)
{
	return vfs_mount_at("debugfs", "/sys/kernel/debug");
}
late_initcall(debugfs_mount_init);
