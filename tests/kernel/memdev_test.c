/*
 * In-kernel tests of the built-in character devices: /dev/null, zero,
 * full and console, and /dev/kmsg's record format, its writes with and
 * without a "<N>" prefix, and its errors: a buffer too small (-EINVAL),
 * a reader overtaken by the log (-EPIPE), the end of the log (-EAGAIN
 * with O_NONBLOCK) and a blocking read that waits for the next record.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

static ssize_t read_from(const char *name, int flags, char *buf, size_t n)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t ret = file_open_name(name, flags, 0, &f);

	if (ret)
		return ret;
	ret = kernel_read(f, buf, n, &pos);
	filp_close(f);
	return ret;
}

static ssize_t write_to(const char *name, const char *buf, size_t n)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t ret = file_open_name(name, O_WRONLY, 0, &f);

	if (ret)
		return ret;
	ret = kernel_write(f, buf, n, &pos);
	filp_close(f);
	return ret;
}

static bool all_zero(const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i])
			return false;
	return true;
}

static void null_zero_full(struct ktest *t)
{
	static char zbuf[8192];
	struct file *f;

	memset(zbuf, 'x', sizeof(zbuf));
	KT_EXPECT_EQ(t, read_from("/dev/null", O_RDONLY, zbuf, 64), 0);
	KT_EXPECT_EQ(t, write_to("/dev/null", zbuf, sizeof(zbuf)),
		     sizeof(zbuf));
	KT_EXPECT_EQ(t, read_from("/dev/zero", O_RDONLY, zbuf, sizeof(zbuf)),
		     sizeof(zbuf));
	KT_EXPECT(t, all_zero(zbuf, sizeof(zbuf)));
	KT_EXPECT_EQ(t, write_to("/dev/zero", zbuf, 100), 100);
	memset(zbuf, 'x', sizeof(zbuf));
	KT_EXPECT_EQ(t, read_from("/dev/full", O_RDONLY, zbuf, 100), 100);
	KT_EXPECT(t, all_zero(zbuf, 100) && zbuf[100] == 'x');
	KT_EXPECT_EQ(t, write_to("/dev/full", zbuf, 1), -ENOSPC);
	/* A buffer outside the caller's window is -EFAULT, nothing zeroed. */
	zbuf[0] = 'x';
	KT_EXPECT_EQ(t, file_open_name("/dev/zero", O_RDONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, vfs_read(f, (char __user *)zbuf, 16, &f->f_pos),
		     -EFAULT);
	KT_EXPECT_EQ(t, zbuf[0], 'x');
	KT_EXPECT_EQ(t, vfs_llseek(f, 100, SEEK_SET), 0);
	filp_close(f);
}

/*
 * A read of /dev/zero into a buffer that runs into an unmapped page
 * stops there: the bytes before it zeroed, the count of them returned
 * (-EFAULT if none), whichever of a turn's four quadword stores faults.
 * A quadword across into the page is not written at all, as Linux's.
 */
static void zero_read_stops_at_unmapped_page(struct ktest *t)
{
	static const size_t before[] = { 1, 7, 8, 13, 16, 24, 31, 32, 40, 100 };
	char *page =
		modarea_alloc(PAGE_SIZE, PAGE_KERNEL_RW); /* then a guard */
	struct uaccess_window saved;
	struct file *f;

	KT_EXPECT(t, page != NULL);
	if (!page || file_open_name("/dev/zero", O_RDONLY, 0, &f)) {
		modarea_free(page);
		return;
	}
	uaccess_window_open(&saved, page, 2 * PAGE_SIZE);
	for (size_t i = 0; i < ARRAY_SIZE(before); i++) {
		char *buf = page + PAGE_SIZE - before[i];
		size_t done = MIN(before[i] / 8 * 8, 64);

		memset(buf, 'u', before[i]);
		KT_EXPECT_EQ(t, vfs_read(f, buf, 64, &f->f_pos),
			     done ? (ssize_t)done : -EFAULT);
		KT_EXPECT(t, all_zero(buf, done));
		KT_EXPECT(t,
			  done >= before[i] || done == 64 || buf[done] == 'u');
	}
	uaccess_window_close(&saved);
	filp_close(f);
	modarea_free(page);
}

static void console_writes_and_reads_eof(struct ktest *t)
{
	static const char line[] =
		"        # memdev: written to /dev/console\n";
	char buf[8];

	KT_EXPECT_EQ(t, write_to("/dev/console", line, sizeof(line) - 1),
		     sizeof(line) - 1);
	KT_EXPECT_EQ(t, read_from("/dev/console", O_RDONLY, buf, sizeof(buf)),
		     0);
	/* Written past the log, as the shell's output is. */
	KT_EXPECT_EQ(t, ktest_log_count("written to /dev/console"), 0);
}

/* Open /dev/kmsg for reading, placed after the newest record. */
static int kmsg_open_at_end(struct file **f, int flags)
{
	int ret = file_open_name("/dev/kmsg", O_RDONLY | flags, 0, f);

	if (!ret)
		vfs_llseek(*f, 0, SEEK_END);
	return ret;
}

static void kmsg_format_and_writes(struct ktest *t)
{
	static const char want_user[] = ",-;kmsg: from a writer\n";
	char buf[256], want[64];
	struct file *f;
	uint64_t seq;
	ssize_t n;

	KT_EXPECT_EQ(t, kmsg_open_at_end(&f, O_NONBLOCK), 0);
	seq = log_next_seq();
	pr_info("kmsg: tab\there, back\\slash\n");
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	KT_EXPECT(t, n > 0);
	buf[n > 0 ? n : 0] = '\0';
	snprintf(want, sizeof(want), "6,%llu,", (unsigned long long)seq);
	KT_EXPECT(t, !strncmp(buf, want, strlen(want)));
	KT_EXPECT(t, strstr(buf, ",-;kmsg: tab\\x09here, back\\x5cslash\n"));
	/* At the end: -EAGAIN, without waiting. */
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), -EAGAIN);

	/* Written: LOG_USER (1) << 3 | level; "<N>" sets both. */
	KT_EXPECT_EQ(t, write_to("/dev/kmsg", "kmsg: from a writer\n", 20), 20);
	KT_EXPECT_EQ(t, write_to("/dev/kmsg", "<2>kmsg: critical", 17), 17);
	KT_EXPECT_EQ(t, write_to("/dev/kmsg", "<30>kmsg: daemon info", 21), 21);
	KT_EXPECT_EQ(t, write_to("/dev/kmsg", "<x>kmsg: not a prefix", 21), 21);
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	buf[n > 0 ? n : 0] = '\0';
	KT_EXPECT(t, !strncmp(buf, "12,", 3) && strstr(buf, want_user));
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	buf[n > 0 ? n : 0] = '\0';
	KT_EXPECT(t,
		  !strncmp(buf, "10,", 3) && strstr(buf, ";kmsg: critical\n"));
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	buf[n > 0 ? n : 0] = '\0';
	KT_EXPECT(t, !strncmp(buf, "30,", 3) &&
			     strstr(buf, ";kmsg: daemon info\n"));
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	buf[n > 0 ? n : 0] = '\0';
	KT_EXPECT(t, !strncmp(buf, "12,", 3) &&
			     strstr(buf, ";<x>kmsg: not a prefix\n"));
	filp_close(f);
}

static void kmsg_errors(struct ktest *t)
{
	static char big[LOG_LINE_MAX + 8];
	char buf[256];
	struct file *f;
	uint64_t next;

	KT_EXPECT_EQ(t, kmsg_open_at_end(&f, O_NONBLOCK), 0);
	pr_info("kmsg: a record longer than ten bytes\n");
	/* Too small for the record: -EINVAL, and it stays to be read. */
	KT_EXPECT_EQ(t, kernel_read(f, buf, 10, &f->f_pos), -EINVAL);
	KT_EXPECT(t, kernel_read(f, buf, sizeof(buf), &f->f_pos) > 10);
	/* Overtaken: fill the log past its size with debug records (kept
	 * off the consoles), then the reader's next one is gone. */
	next = log_next_seq();
	pr_info("kmsg: the next record\n");
	memset(big, 'd', 200);
	big[200] = '\0';
	for (int i = 0; i < 2000 && log_first_seq() <= next; i++)
		printk(KERN_DEBUG "kmsg: filler %s\n", big);
	KT_EXPECT(t, log_first_seq() > next);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), -EPIPE);
	/* Then it reads on from the oldest record left. */
	KT_EXPECT(t, kernel_read(f, buf, sizeof(buf), &f->f_pos) > 0);
	filp_close(f);
	/* A write longer than a record's text is refused. */
	memset(big, 'w', sizeof(big));
	KT_EXPECT_EQ(t, write_to("/dev/kmsg", big, sizeof(big)), -EINVAL);
	/* Reading from a writer's open file: no place in the log kept. */
	KT_EXPECT_EQ(t, file_open_name("/dev/kmsg", O_WRONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), -EBADF);
	filp_close(f);
}

static int kmsg_late_writer(void *arg)
{
	msleep(30);
	pr_info("kmsg: the record a reader waited for\n");
	return ktest_sleep_until_stopped();
}

/* Without O_NONBLOCK a read at the end sleeps until the next record. */
static void kmsg_blocking_read(struct ktest *t)
{
	struct task_struct *writer;
	char buf[256];
	struct file *f;
	ssize_t n;

	KT_EXPECT_EQ(t, kmsg_open_at_end(&f, 0), 0);
	writer = kthread_create_task(kmsg_late_writer, NULL, "kmsg_writer");
	KT_EXPECT(t, writer != NULL);
	if (!writer) {
		filp_close(f);
		return;
	}
	wake_up_process(writer);
	n = kernel_read(f, buf, sizeof(buf) - 1, &f->f_pos);
	buf[n > 0 ? n : 0] = '\0';
	KT_EXPECT(t, strstr(buf, ";kmsg: the record a reader waited for\n"));
	kthread_stop(writer);
	filp_close(f);
}

KTEST_SUITE(memdev, KTEST_CASE(null_zero_full),
	    KTEST_CASE(zero_read_stops_at_unmapped_page),
	    KTEST_CASE(console_writes_and_reads_eof),
	    KTEST_CASE(kmsg_format_and_writes), KTEST_CASE(kmsg_errors),
	    KTEST_CASE(kmsg_blocking_read));
