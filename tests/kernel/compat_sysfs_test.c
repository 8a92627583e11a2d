/*
 * The out-of-tree compat modules of tests/compat/sysfs, loaded, used
 * through the VFS as a shell's cat and echo would, and unloaded, twice:
 * hello_sysfs's /sys/kernel/mymodule/myvariable and example_debugfs's
 * files.  They are there only when tests/boot/sysfs_compat.sh hands
 * them to GRUB; otherwise the suite says it was skipped.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "modfiles.h"
#include "files.h"

#define MYVAR "/sys/kernel/mymodule/myvariable"
#define DBG "/sys/kernel/debug/example/"

/* Loaded aloud: the boot test checks the modules' own messages. */
static int load(const char *name)
{
	const void *buf;
	size_t len;
	int ret;

	if (modprobe_file(name, &buf, &len))
		return -ENOENT;
	ret = load_module(name, buf, len, NULL);
	kfree((void *)buf);
	return ret;
}

static bool have(struct ktest *t, const char *name)
{
	return ktest_have_module(t, name, "tests/boot/sysfs_compat.sh");
}

static void hello_sysfs_twice(struct ktest *t)
{
	struct path p;

	if (!have(t, "hello_sysfs"))
		return;
	for (int round = 0; round < 2; round++) {
		KT_EXPECT_EQ(t, load("hello_sysfs"), 0);
		KT_EXPECT(t, ktest_reads(MYVAR, "0\n"));
		KT_EXPECT_EQ(t, ktest_write_str(MYVAR, "32\n"), 3);
		KT_EXPECT(t, ktest_reads(MYVAR, "32\n"));
		KT_EXPECT_EQ(t, ktest_write_str(MYVAR, "many"), -EINVAL);
		KT_EXPECT(t, ktest_reads(MYVAR, "32\n"));
		if (kern_path(MYVAR, 0, &p) == 0) {
			KT_EXPECT_EQ(t, p.dentry->d_inode->i_mode,
				     S_IFREG | 0660);
			path_put(&p);
		}
		KT_EXPECT_EQ(t, remove_module("hello_sysfs"), 0);
		KT_EXPECT_EQ(t, kern_path("/sys/kernel/mymodule", 0, &p),
			     -ENOENT);
	}
}

static void example_debugfs_twice(struct ktest *t)
{
	struct file *open;
	struct path p;

	if (!have(t, "example_debugfs"))
		return;
	for (int round = 0; round < 2; round++) {
		KT_EXPECT_EQ(t, load("example_debugfs"), 0);
		KT_EXPECT(t, ktest_reads(DBG "counter", "42\n"));
		KT_EXPECT_EQ(t, ktest_write_str(DBG "counter", "9\n"), 2);
		KT_EXPECT(t, ktest_reads(DBG "counter", "9\n"));
		KT_EXPECT(t, ktest_reads(DBG "hello", "hello, read 1 times\n"));
		KT_EXPECT(t, ktest_reads(DBG "hello", "hello, read 2 times\n"));
		/* An open file of its own holds it, as .owner would. */
		KT_EXPECT_EQ(t, file_open_name(DBG "hello", O_RDONLY, 0, &open),
			     0);
		KT_EXPECT_EQ(t, remove_module("example_debugfs"), -EBUSY);
		filp_close(open);
		KT_EXPECT_EQ(t, remove_module("example_debugfs"), 0);
		KT_EXPECT_EQ(t, kern_path("/sys/kernel/debug/example", 0, &p),
			     -ENOENT);
	}
}

KTEST_SUITE(compat_sysfs, KTEST_CASE(hello_sysfs_twice),
	    KTEST_CASE(example_debugfs_twice));
