/*
 * In-kernel tests of procfs's entries: directories nested and named by
 * path, modes, duplicate and missing names with Linux's warnings, a
 * proc_ops file read, written and sought with its pde_data(), and
 * removal while a file is open and while a call is in progress.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/proc_fs.h>
#include <kernel/sched.h>
#include <kernel/string.h>

/* A file over a buffer: what proc_ops users write. */
struct kt_buf {
	char data[64];
	size_t len;
	int releases;
	struct completion entered, go; /* for a read held in progress */
	bool hold;
};

static ssize_t kt_read(struct file *f, char __user *buf, size_t count,
		       loff_t *pos)
{
	struct kt_buf *b = pde_data(f->f_inode);

	if (b->hold) {
		complete(&b->entered);
		wait_for_completion(&b->go);
	}
	return simple_read_from_buffer(buf, count, pos, b->data, b->len);
}

static ssize_t kt_write(struct file *f, const char __user *buf, size_t count,
			loff_t *pos)
{
	struct kt_buf *b = pde_data(f->f_inode);
	ssize_t n = simple_write_to_buffer(b->data, sizeof(b->data), pos, buf,
					   count);

	if (n > 0 && (size_t)*pos > b->len)
		b->len = *pos;
	return n;
}

static int kt_release(struct inode *inode, struct file *f)
{
	((struct kt_buf *)pde_data(inode))->releases++;
	return 0;
}

static const struct proc_ops kt_ops = {
	.proc_read = kt_read,
	.proc_write = kt_write,
	.proc_release = kt_release,
};

static umode_t mode_of(const char *name)
{
	struct path p;
	umode_t mode;

	if (kern_path(name, 0, &p))
		return 0;
	mode = p.dentry->d_inode->i_mode;
	path_put(&p);
	return mode;
}

static loff_t size_of(const char *name)
{
	struct path p;
	loff_t size;

	if (kern_path(name, 0, &p))
		return -1;
	size = p.dentry->d_inode->i_size;
	path_put(&p);
	return size;
}

static void nested_dirs_and_modes(struct ktest *t)
{
	static struct kt_buf b;
	struct proc_dir_entry *dir = proc_mkdir("kt_dir", NULL), *sub, *f;

	sub = dir ? proc_mkdir_mode("sub", 0700, dir) : NULL;
	f = proc_create_data("kt_dir/sub/file", 0, NULL, &kt_ops, &b);
	KT_EXPECT(t, dir && sub && f);
	KT_EXPECT(t, proc_create("kt_dir/sub/rw", 0600, NULL, &kt_ops));
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dir"), S_IFDIR | 0555);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dir/sub"), S_IFDIR | 0700);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dir/sub/file"), S_IFREG | 0444);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dir/sub/rw"), S_IFREG | 0600);
	KT_EXPECT(t, !proc_create("kt_nodir/file", 0, NULL, &kt_ops));
	proc_set_size(f, 1234);
	KT_EXPECT_EQ(t, size_of("/proc/kt_dir/sub/file"), 1234);
	proc_remove(dir);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dir/sub/file"), 0);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dir"), 0);
}

static void duplicates_and_missing_names(struct ktest *t)
{
	int dup = ktest_log_count(
		"proc_dir_entry '/proc/kt_dup' already registered");
	int missing = ktest_log_count("name 'kt_none'");
	int full = ktest_log_count(
		"remove_proc_entry: removing non-empty directory '/proc/kt_full'");
	struct proc_dir_entry *one = proc_create("kt_dup", 0, NULL, &kt_ops);

	KT_EXPECT(t, one);
	KT_EXPECT(t, !proc_create("kt_dup", 0, NULL, &kt_ops));
	KT_EXPECT(t, !proc_mkdir("kt_dup", NULL));
	KT_EXPECT_EQ(t,
		     ktest_log_count(
			     "proc_dir_entry '/proc/kt_dup' already registered"),
		     dup + 2);
	remove_proc_entry("kt_dup", NULL);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_dup"), 0);
	remove_proc_entry("kt_none", NULL);
	KT_EXPECT_EQ(t, ktest_log_count("name 'kt_none'"), missing + 1);
	KT_EXPECT_EQ(t, remove_proc_subtree("kt_none", NULL), -ENOENT);
	KT_EXPECT(t, proc_mkdir("kt_full", NULL));
	KT_EXPECT(t, proc_create("kt_full/inside", 0, NULL, &kt_ops));
	remove_proc_entry("kt_full", NULL);
	KT_EXPECT_EQ(t,
		     ktest_log_count(
			     "remove_proc_entry: removing non-empty directory '/proc/kt_full'"),
		     full + 1);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_full/inside"), 0);
	KT_EXPECT_EQ(t, mode_of("/proc/kt_full"), 0);
}

static void read_write_lseek_pde_data(struct ktest *t)
{
	static struct kt_buf b;
	struct proc_dir_entry *de =
		proc_create_data("kt_rw", 0644, NULL, &kt_ops, &b);
	struct file *f;
	char buf[32];
	loff_t pos = 0;

	memset(&b, 0, sizeof(b));
	KT_EXPECT(t, de);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_rw", O_RDWR, 0, &f), 0);
	KT_EXPECT_EQ(t, kernel_write(f, "hello world", 11, &f->f_pos), 11);
	KT_EXPECT(t, b.len == 11 && !memcmp(b.data, "hello world", 11));
	KT_EXPECT_EQ(t, vfs_llseek(f, 6, SEEK_SET), 6);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 5);
	KT_EXPECT(t, !memcmp(buf, "world", 5));
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 11);
	filp_close(f);
	KT_EXPECT_EQ(t, b.releases, 1);
	proc_remove(de);
}

static void removal_with_open_file(struct ktest *t)
{
	static struct kt_buf b;
	struct proc_dir_entry *de;
	struct file *f;
	char buf[8];
	loff_t pos = 0;

	memset(&b, 0, sizeof(b));
	de = proc_create_data("kt_open", 0644, NULL, &kt_ops, &b);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_open", O_RDWR, 0, &f), 0);
	proc_remove(de);
	/* Its release ran at the removal, once; later calls fail. */
	KT_EXPECT_EQ(t, b.releases, 1);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), -EIO);
	KT_EXPECT_EQ(t, kernel_write(f, "x", 1, &pos), -EIO);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_SET), -EIO);
	filp_close(f);
	KT_EXPECT_EQ(t, b.releases, 1);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_open", O_RDONLY, 0, &f),
		     -ENOENT);
}

static struct kt_buf held;
static struct proc_dir_entry *held_de;
static bool remover_done;

static int held_reader(void *unused)
{
	struct file *f;
	char buf[8];
	loff_t pos = 0;
	int n;

	if (file_open_name("/proc/kt_held", O_RDONLY, 0, &f))
		return -ENOENT;
	n = kernel_read(f, buf, sizeof(buf), &pos);
	filp_close(f);
	return n;
}

static int remover(void *unused)
{
	proc_remove(held_de);
	remover_done = true;
	return 0;
}

/* The removal waits for a read in progress, then finishes. */
static void removal_waits_for_calls(struct ktest *t)
{
	struct task_struct *r, *rm;

	memset(&held, 0, sizeof(held));
	memcpy(held.data, "abc", 3);
	held.len = 3;
	held.hold = true;
	init_completion(&held.entered);
	init_completion(&held.go);
	remover_done = false;
	held_de = proc_create_data("kt_held", 0, NULL, &kt_ops, &held);
	r = kthread_create_task(held_reader, NULL, "kt_reader");
	rm = kthread_create_task(remover, NULL, "kt_remover");
	KT_EXPECT(t, held_de && r && rm);
	/* Both end on their own: keep them until kthread_stop() reads them. */
	get_task_struct(r);
	get_task_struct(rm);
	wake_up_process(r);
	wait_for_completion(&held.entered);
	wake_up_process(rm);
	msleep(20);
	KT_EXPECT(t, !remover_done);
	complete(&held.go);
	KT_EXPECT_EQ(t, kthread_stop(r), 3);
	KT_EXPECT_EQ(t, kthread_stop(rm), 0);
	put_task_struct(r);
	put_task_struct(rm);
	KT_EXPECT(t, remover_done);
	KT_EXPECT_EQ(t, held.releases, 1);
}

static void nothing_leaked(struct ktest *t)
{
	struct mm_stats before, after;

	mm_get_stats(&before);
	nested_dirs_and_modes(t);
	read_write_lseek_pde_data(t);
	removal_with_open_file(t);
	mm_get_stats(&after);
	ktest_same_mm(t, "proc entries made and removed", &before, &after);
}

KTEST_SUITE(procfs, KTEST_CASE(nested_dirs_and_modes),
	    KTEST_CASE(duplicates_and_missing_names),
	    KTEST_CASE(read_write_lseek_pde_data),
	    KTEST_CASE(removal_with_open_file),
	    KTEST_CASE(removal_waits_for_calls), KTEST_CASE(nothing_leaked));
