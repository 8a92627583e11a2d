/*
 * In-kernel tests of the simple file systems' library and what it rests
 * on: a single-instance type shared by kern_mount() and every mount, a
 * tree built node by node (and its refusals), a removed file readable
 * while open, simple_read_from_buffer(), and file_operations.owner's
 * module reference held from open to the last close.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/module.h>
#include <kernel/string.h>

static const char hello[] = "hello";
static struct module fake_owner = { .name = "libfs_owner" };

static ssize_t hello_read(struct file *file, char __user *buf, size_t count,
			  loff_t *pos)
{
	return simple_read_from_buffer(buf, count, pos, file->private_data,
				       strlen(file->private_data));
}

static const struct file_operations hello_fops = {
	.owner = &fake_owner,
	.open = simple_open,
	.read = hello_read,
	.llseek = default_llseek,
};

static struct file_system_type test_fs = {
	.name = "libfs_test",
	.fs_flags = FS_SINGLE,
	.fill_super = simple_fill_super,
	.kill_sb = kill_litter_super,
};

static int read_at(const char *name, loff_t pos, char *buf, size_t size)
{
	struct file *f;
	int ret = file_open_name(name, O_RDONLY, 0, &f);

	if (ret)
		return ret;
	ret = kernel_read(f, buf, size - 1, &pos);
	buf[ret < 0 ? 0 : ret] = '\0';
	filp_close(f);
	return ret;
}

/* One super block: nodes made under kern_mount()'s root show in mounts. */
static void single_instance_tree(struct ktest *t)
{
	struct dentry *dir, *file, *link;
	struct vfsmount *mnt;
	struct file *open;
	char buf[16];

	fake_owner.state = MODULE_STATE_LIVE;
	KT_EXPECT_EQ(t, register_filesystem(&test_fs), 0);
	KT_EXPECT_EQ(t, kern_mount(&test_fs, &mnt), 0);
	KT_EXPECT_EQ(t,
		     simple_create_node(mnt->mnt_root, "d", S_IFDIR | 0755, 0,
					NULL, NULL, &dir),
		     0);
	KT_EXPECT_EQ(t,
		     simple_create_node(dir, "f", S_IFREG | 0444, 0,
					&hello_fops, (void *)hello, &file),
		     0);
	KT_EXPECT_EQ(t,
		     simple_create_node(dir, "l", S_IFLNK | 0777, 0, NULL, "f",
					&link),
		     0);
	KT_EXPECT_EQ(t,
		     simple_create_node(dir, "f", S_IFREG, 0, NULL, NULL, NULL),
		     -EEXIST);
	KT_EXPECT_EQ(t,
		     simple_create_node(file, "x", S_IFREG, 0, NULL, NULL,
					NULL),
		     -ENOTDIR);
	KT_EXPECT_EQ(t, vfs_mount_at("libfs_test", "/lt1"), 0);
	KT_EXPECT_EQ(t, vfs_mount_at("libfs_test", "/lt2"), 0);
	KT_EXPECT_EQ(t, read_at("/lt1/d/f", 0, buf, sizeof(buf)), 5);
	KT_EXPECT(t, !strcmp(buf, "hello"));
	KT_EXPECT_EQ(t, read_at("/lt2/d/l", 3, buf, sizeof(buf)), 2);
	KT_EXPECT(t, !strcmp(buf, "lo"));
	KT_EXPECT_EQ(t, read_at("/lt1/d/f", 9, buf, sizeof(buf)), 0);

	/* Removed while open: the name goes, the open file still reads. */
	KT_EXPECT_EQ(t, file_open_name("/lt1/d/f", O_RDONLY, 0, &open), 0);
	simple_remove(dir);
	KT_EXPECT_EQ(t, read_at("/lt1/d/f", 0, buf, sizeof(buf)), -ENOENT);
	KT_EXPECT_EQ(t, kernel_read(open, buf, 5, &open->f_pos), 5);
	filp_close(open);
	KT_EXPECT_EQ(t, ksys_umount("/lt1"), 0);
	KT_EXPECT_EQ(t, ksys_umount("/lt2"), 0);
	KT_EXPECT(t, test_fs.single_sb == mnt->mnt_sb); /* kern_mount's */
	KT_EXPECT_EQ(t, ksys_rmdir("/lt1"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir("/lt2"), 0);
	kern_unmount(mnt);
	KT_EXPECT(t, !test_fs.single_sb); /* the last mount took it down */
	unregister_filesystem(&test_fs);
}

/* An open file holds its operations' owner; a going owner refuses. */
static void owner_reference(struct ktest *t)
{
	struct vfsmount *mnt;
	struct dentry *file;
	struct file *a, *b;

	fake_owner.state = MODULE_STATE_LIVE;
	KT_EXPECT_EQ(t, register_filesystem(&test_fs), 0);
	KT_EXPECT_EQ(t, kern_mount(&test_fs, &mnt), 0);
	KT_EXPECT_EQ(t,
		     simple_create_node(mnt->mnt_root, "o", S_IFREG | 0444, 0,
					&hello_fops, (void *)hello, &file),
		     0);
	KT_EXPECT_EQ(t, vfs_mount_at("libfs_test", "/lt3"), 0);
	KT_EXPECT_EQ(t, file_open_name("/lt3/o", O_RDONLY, 0, &a), 0);
	KT_EXPECT_EQ(t, file_open_name("/lt3/o", O_RDONLY, 0, &b), 0);
	KT_EXPECT_EQ(t, fake_owner.refcount, 2);
	filp_close(a);
	KT_EXPECT_EQ(t, fake_owner.refcount, 1);
	get_file(b); /* a second holder: the close below is not the last */
	filp_close(b);
	KT_EXPECT_EQ(t, fake_owner.refcount, 1);
	fput(b);
	KT_EXPECT_EQ(t, fake_owner.refcount, 0);
	fake_owner.state = MODULE_STATE_GOING;
	KT_EXPECT_EQ(t, file_open_name("/lt3/o", O_RDONLY, 0, &a), -ENODEV);
	fake_owner.state = MODULE_STATE_LIVE;
	simple_remove(file);
	KT_EXPECT_EQ(t, ksys_umount("/lt3"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir("/lt3"), 0);
	kern_unmount(mnt);
	unregister_filesystem(&test_fs);
}

KTEST_SUITE(libfs, KTEST_CASE(single_instance_tree),
	    KTEST_CASE(owner_reference));
