/*
 * The /proc modules of tests/compat, built out of tree as Linux modules,
 * loaded, used through the VFS and removed, twice each: a proc_ops file,
 * a seq_file of more than a page, a file written and read back, and a
 * reader that sleeps until a writer comes (or a signal ends its sleep).
 * tests/boot/compat.sh boots with them in the initrd; elsewhere the
 * suite notes that it has no module files and passes.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/modprobe.h>
#include "modfiles.h"
#include "files.h"

#define LOADS 2
#define SEQ_RECORDS 200

static bool have_compat(struct ktest *t)
{
	return ktest_have_module(t, "example_proc_read",
				 "tests/boot/compat.sh's initrd");
}

static bool gone(const char *name)
{
	struct file *f;

	return file_open_name(name, O_RDONLY, 0, &f) == -ENOENT;
}

static void proc_ops_read(struct ktest *t)
{
	char buf[64];

	if (!have_compat(t))
		return;
	for (int i = 0; i < LOADS; i++) {
		KT_EXPECT_EQ(t, ktest_load_quiet("example_proc_read", NULL), 0);
		KT_EXPECT_EQ(t,
			     ktest_read_chunks("/proc/example_read", buf,
					       sizeof(buf), 64),
			     18);
		KT_EXPECT(t, !strcmp(buf, "Hello from /proc!\n"));
		KT_EXPECT_EQ(t,
			     ktest_read_chunks("/proc/example_read", buf,
					       sizeof(buf), 5),
			     18);
		KT_EXPECT(t, !strcmp(buf, "Hello from /proc!\n"));
		KT_EXPECT_EQ(t, ktest_remove_quiet("example_proc_read"), 0);
		KT_EXPECT(t, gone("/proc/example_read"));
	}
}

static void seq_file_records(struct ktest *t)
{
	size_t size = 8 * PAGE_SIZE, want_len;
	char *buf = kmalloc(size, GFP_KERNEL),
	     *want = kmalloc(size, GFP_KERNEL);
	int n;

	if (!buf || !want || !have_compat(t))
		goto out;
	n = snprintf(want, size, "record  square    cube\n");
	for (int r = 1; r <= SEQ_RECORDS; r++)
		n += snprintf(want + n, size - n, "%6d %7d %7d\n", r, r * r,
			      r * r * r);
	want_len = n;
	KT_EXPECT(t, want_len > PAGE_SIZE);
	for (int i = 0; i < LOADS; i++) {
		KT_EXPECT_EQ(t, ktest_load_quiet("example_proc_seq", NULL), 0);
		KT_EXPECT_EQ(t,
			     ktest_read_chunks("/proc/example_seq/records", buf,
					       size, size),
			     want_len);
		KT_EXPECT(t, !strcmp(buf, want));
		KT_EXPECT_EQ(t,
			     ktest_read_chunks("/proc/example_seq/records", buf,
					       size, 100),
			     want_len);
		KT_EXPECT(t, !strcmp(buf, want));
		KT_EXPECT_EQ(t, ktest_remove_quiet("example_proc_seq"), 0);
		KT_EXPECT(t, gone("/proc/example_seq"));
	}
out:
	kfree(buf);
	kfree(want);
}

static void write_then_read(struct ktest *t)
{
	char buf[64];

	if (!have_compat(t))
		return;
	for (int i = 0; i < LOADS; i++) {
		KT_EXPECT_EQ(t, ktest_load_quiet("example_proc_write", NULL),
			     0);
		KT_EXPECT_EQ(t,
			     ktest_read_chunks("/proc/example_buffer", buf,
					       sizeof(buf), 64),
			     0);
		KT_EXPECT_EQ(t,
			     ktest_write_str("/proc/example_buffer",
					     "sprout says hi\n"),
			     15);
		KT_EXPECT_EQ(t,
			     ktest_read_chunks("/proc/example_buffer", buf,
					       sizeof(buf), 4),
			     15);
		KT_EXPECT(t, !strcmp(buf, "sprout says hi\n"));
		KT_EXPECT_EQ(t, ktest_remove_quiet("example_proc_write"), 0);
		KT_EXPECT(t, gone("/proc/example_buffer"));
	}
}

static char reader_buf[64];

/* One read: the module gives a message per read, never an end. */
static int sleep_reader(void *unused)
{
	struct file *f;
	loff_t pos = 0;
	int ret;

	allow_signal(SIGINT);
	ret = file_open_name("/proc/example_sleep", O_RDONLY, 0, &f);
	if (ret)
		return ret;
	ret = kernel_read(f, reader_buf, sizeof(reader_buf) - 1, &pos);
	reader_buf[ret < 0 ? 0 : ret] = '\0';
	filp_close(f);
	return ret;
}

/* A reader thread, started and referenced (the caller kthread_stop()s
 * and put_task_struct()s it), asleep in the module's read by return. */
static struct task_struct *start_reader(void)
{
	struct task_struct *k =
		kthread_create_task(sleep_reader, NULL, "kt_proc_reader");

	if (!k)
		return NULL;
	get_task_struct(k);
	wake_up_process(k);
	msleep(20);
	return k;
}

static void blocking_reader(struct ktest *t)
{
	struct task_struct *k;

	if (!have_compat(t))
		return;
	for (int i = 0; i < LOADS; i++) {
		KT_EXPECT_EQ(t, ktest_load_quiet("example_proc_sleep", NULL),
			     0);
		/* A writer wakes it with its message. */
		k = start_reader();
		KT_EXPECT(t, k && k->state == TASK_INTERRUPTIBLE);
		KT_EXPECT_EQ(t, ktest_remove_quiet("example_proc_sleep"),
			     -EBUSY);
		KT_EXPECT_EQ(t,
			     ktest_write_str("/proc/example_sleep", "wake up"),
			     7);
		KT_EXPECT_EQ(t, k ? kthread_stop(k) : -1, 7);
		KT_EXPECT(t, !strcmp(reader_buf, "wake up"));
		if (k)
			put_task_struct(k);
		/* A signal ends the sleep instead. */
		k = start_reader();
		KT_EXPECT(t, k && k->state == TASK_INTERRUPTIBLE);
		KT_EXPECT_EQ(t, k ? send_sig(SIGINT, k, 1) : -1, 0);
		KT_EXPECT_EQ(t, k ? kthread_stop(k) : -1, -ERESTARTSYS);
		if (k)
			put_task_struct(k);
		KT_EXPECT_EQ(t, ktest_remove_quiet("example_proc_sleep"), 0);
		KT_EXPECT(t, gone("/proc/example_sleep"));
	}
}

/* Loading and removing them again leaves memory as it was. */
static void nothing_leaked(struct ktest *t)
{
	struct mm_stats before, after;

	if (!have_compat(t))
		return;
	mm_get_stats(&before);
	proc_ops_read(t);
	seq_file_records(t);
	write_then_read(t);
	blocking_reader(t);
	mm_get_stats(&after);
	ktest_same_mm(t, "compat /proc modules loaded and removed", &before,
		      &after);
}

KTEST_SUITE(procfs_compat, KTEST_CASE(proc_ops_read),
	    KTEST_CASE(seq_file_records), KTEST_CASE(write_then_read),
	    KTEST_CASE(blocking_reader), KTEST_CASE(nothing_leaked));
