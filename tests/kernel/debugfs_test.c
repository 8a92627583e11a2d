/*
 * In-kernel tests of debugfs through the VFS: each create_* type read and
 * written as /sys/kernel/debug shows it, a file of one's own operations,
 * Linux's NULL and ERR_PTR parent rules, and removal (recursive, with an
 * open file: its later calls fail with -EIO, nothing leaks).
 */
#include <kernel/debugfs.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/string.h>
#include <linux/err.h>
#include "files.h"

#define DIR "/sys/kernel/debug/dt"

static uint8_t v8 = 8;
static uint16_t v16 = 16;
static uint32_t v32 = 32, x32 = 0xbeef;
static uint64_t v64 = 64;
static bool flag = true;
static char blob_data[] = "blob!";
static struct debugfs_blob_wrapper blob = { blob_data, 5 };

static ssize_t hello_read(struct file *file, char __user *buf, size_t count,
			  loff_t *pos)
{
	return simple_read_from_buffer(buf, count, pos, file->private_data,
				       strlen(file->private_data));
}

static const struct file_operations hello_fops = {
	.open = simple_open,
	.read = hello_read,
};

static void each_type_reads_and_writes(struct ktest *t)
{
	struct dentry *dir = debugfs_create_dir("dt", NULL);

	KT_EXPECT(t, !IS_ERR(dir));
	debugfs_create_u8("u8", 0644, dir, &v8);
	debugfs_create_u16("u16", 0644, dir, &v16);
	debugfs_create_u32("u32", 0644, dir, &v32);
	debugfs_create_u64("u64", 0644, dir, &v64);
	debugfs_create_x32("x32", 0644, dir, &x32);
	debugfs_create_u32("ro", 0444, dir, &v32);
	debugfs_create_bool("flag", 0644, dir, &flag);
	debugfs_create_blob("blob", 0444, dir, &blob);
	KT_EXPECT(t, ktest_reads(DIR "/u8", "8\n"));
	KT_EXPECT(t, ktest_reads(DIR "/u16", "16\n"));
	KT_EXPECT(t, ktest_reads(DIR "/u32", "32\n"));
	KT_EXPECT(t, ktest_reads(DIR "/u64", "64\n"));
	KT_EXPECT(t, ktest_reads(DIR "/x32", "0x0000beef\n"));
	KT_EXPECT(t, ktest_reads(DIR "/flag", "Y\n"));
	KT_EXPECT(t, ktest_reads(DIR "/blob", "blob!"));
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/u8", "200\n"), 4);
	KT_EXPECT_EQ(t, v8, 200);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/u32", "0x10"), 4);
	KT_EXPECT_EQ(t, v32, 16);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/u64", "18446744073709551615"),
		     20);
	KT_EXPECT(t, v64 == ~0ull);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/x32", "0x12345678"), 10);
	KT_EXPECT(t, ktest_reads(DIR "/x32", "0x12345678\n"));
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/u32", "nine"), -EINVAL);
	KT_EXPECT_EQ(t, v32, 16);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/flag", "n"), 1);
	KT_EXPECT(t, !flag);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/flag", "maybe"), -EINVAL);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/ro", "1"), -EACCES);
	KT_EXPECT_EQ(t, ktest_write_str(DIR "/blob", "1"), -EACCES);
	debugfs_remove(dir);
}

static void own_operations_and_parent_rules(struct ktest *t)
{
	struct dentry *dir = debugfs_create_dir("dt", NULL);
	struct dentry *f = debugfs_create_file("hello", 0444, dir, "hi there",
					       &hello_fops);
	struct dentry *found;

	KT_EXPECT(t, !IS_ERR(f));
	KT_EXPECT(t, ktest_reads(DIR "/hello", "hi there"));
	KT_EXPECT(t, PTR_ERR(debugfs_create_file("hello", 0444, dir, NULL,
						 &hello_fops)) == -EEXIST);
	KT_EXPECT(t, debugfs_create_dir("x", ERR_PTR(-ENOMEM)) ==
			     ERR_PTR(-ENOMEM));
	KT_EXPECT(t, PTR_ERR(debugfs_create_dir("x", f)) == -ENOTDIR);
	found = debugfs_lookup("hello", dir);
	KT_EXPECT(t, found == f);
	vfs_lock_acquire();
	if (found)
		dput(found);
	vfs_lock_release();
	KT_EXPECT(t, debugfs_lookup("nothing", dir) == NULL);
	debugfs_lookup_and_remove("hello", dir);
	KT_EXPECT_EQ(t, ktest_read_file(DIR "/hello", (char[8]){ 0 }, 8),
		     -ENOENT);
	debugfs_remove(NULL);
	debugfs_remove(ERR_PTR(-ENOMEM));
	debugfs_remove(dir);
}

static void remove_recursive_fails_open_files_later(struct ktest *t)
{
	struct dentry *dir = debugfs_create_dir("dt", NULL);
	struct dentry *sub = debugfs_create_dir("sub", dir);
	struct file *open, *open2;
	loff_t pos = 0;
	char buf[8];

	debugfs_create_u32("deep", 0644, sub, &v32);
	debugfs_create_file("hello", 0444, sub, "hi", &hello_fops);
	KT_EXPECT_EQ(t, file_open_name(DIR "/sub/deep", O_RDWR, 0, &open), 0);
	KT_EXPECT_EQ(t, file_open_name(DIR "/sub/hello", O_RDONLY, 0, &open2),
		     0);
	debugfs_remove_recursive(dir);
	KT_EXPECT_EQ(t, ktest_read_file(DIR, buf, sizeof(buf)), -ENOENT);
	KT_EXPECT_EQ(t, kernel_read(open, buf, sizeof(buf), &pos), -EIO);
	KT_EXPECT_EQ(t, kernel_write(open, "1", 1, &pos), -EIO);
	KT_EXPECT_EQ(t, kernel_read(open2, buf, sizeof(buf), &pos), -EIO);
	filp_close(open);
	filp_close(open2);
}

static void nothing_leaks(struct ktest *t)
{
	struct mm_stats before, after;

	mm_get_stats(&before);
	for (int i = 0; i < 50; i++) {
		struct dentry *dir = debugfs_create_dir("dt", NULL);

		debugfs_create_u32("u32", 0644, dir, &v32);
		debugfs_create_file("hello", 0444, dir, "hi", &hello_fops);
		ktest_reads(DIR "/u32", "16\n");
		ktest_reads(DIR "/hello", "hi");
		debugfs_remove(dir);
	}
	mm_get_stats(&after);
	ktest_same_mm(t, "50 debugfs trees", &before, &after);
}

KTEST_SUITE(debugfs, KTEST_CASE(each_type_reads_and_writes),
	    KTEST_CASE(own_operations_and_parent_rules),
	    KTEST_CASE(remove_recursive_fails_open_files_later),
	    KTEST_CASE(nothing_leaks));
