/*
 * In-kernel tests of seq_file through a /proc file: a record bigger than
 * a page (shown again with a bigger buffer), reads of every size and at
 * every offset giving the bytes of one big read, lseek back and forth,
 * single_open, SEQ_SKIP, a show's error, and the list helpers.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/proc_fs.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define RECORDS 30
#define BIG_RECORD 12	 /* this one is longer than a page */
#define SKIPPED_RECORD 7 /* shown, then dropped with SEQ_SKIP */
#define BIG_LEN 5000
#define FILE_MAX 8192

static int show_calls;

static void *rec_start(struct seq_file *m, loff_t *pos)
{
	return *pos < RECORDS ? (void *)(uintptr_t)(*pos + 1) : NULL;
}

static void *rec_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return rec_start(m, pos);
}

static void rec_stop(struct seq_file *m, void *v)
{
}

/* Record i: "NNN " and a letter 50 times (BIG_LEN at BIG_RECORD), "\n". */
static size_t rec_text(int i, char *buf)
{
	size_t n = i == BIG_RECORD ? BIG_LEN : 50;

	snprintf(buf, 5, "%03d ", i);
	memset(buf + 4, 'a' + i % 26, n);
	buf[4 + n] = '\n';
	return 5 + n;
}

static int rec_show(struct seq_file *m, void *v)
{
	int i = (uintptr_t)v - 1;

	show_calls++;
	seq_printf(m, "%03d ", i);
	for (int k = 0; k < (i == BIG_RECORD ? BIG_LEN : 50); k++)
		seq_putc(m, 'a' + i % 26);
	seq_putc(m, '\n');
	return i == SKIPPED_RECORD ? SEQ_SKIP : 0;
}

static const struct seq_operations rec_ops = {
	.start = rec_start,
	.next = rec_next,
	.stop = rec_stop,
	.show = rec_show,
};

/* The whole file as one read should give it, in @buf; its length. */
static size_t expected(char *buf)
{
	size_t n = 0;

	for (int i = 0; i < RECORDS; i++)
		if (i != SKIPPED_RECORD)
			n += rec_text(i, buf + n);
	return n;
}

static ssize_t read_at(struct file *f, loff_t pos, char *buf, size_t size)
{
	return kernel_read(f, buf, size, &pos);
}

static void big_record_and_chunk_sizes(struct ktest *t)
{
	char *want = kmalloc(FILE_MAX, GFP_KERNEL),
	     *got = kmalloc(FILE_MAX, GFP_KERNEL);
	struct proc_dir_entry *de =
		proc_create_seq("kt_seq", 0, NULL, &rec_ops);
	size_t len = expected(want);
	struct file *f;

	KT_EXPECT(t, de && want && got);
	KT_EXPECT(t, len > PAGE_SIZE && BIG_LEN > PAGE_SIZE);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_seq", O_RDONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, read_at(f, 0, got, FILE_MAX), len);
	KT_EXPECT(t, !memcmp(got, want, len));
	KT_EXPECT_EQ(t, ((struct seq_file *)f->private_data)->size,
		     2 * PAGE_SIZE);
	/* Sizes 1..64 and around a page, each read to the end in turn. */
	for (size_t size = 1; size <= PAGE_SIZE + 1; size++) {
		loff_t pos = 0;
		ssize_t n;

		if (size == 65)
			size = PAGE_SIZE - 1;
		memset(got, 0, FILE_MAX);
		while ((n = kernel_read(f, got + pos, size, &pos)) > 0)
			;
		KT_EXPECT_EQ(t, pos, len);
		KT_EXPECT(t, !memcmp(got, want, len));
	}
	filp_close(f);
	proc_remove(de);
	kfree(want);
	kfree(got);
}

/* Backwards, one byte at a time: every read is at a new offset. */
static void every_offset(struct ktest *t)
{
	char *want = kmalloc(FILE_MAX, GFP_KERNEL), c;
	struct proc_dir_entry *de =
		proc_create_seq("kt_seq", 0, NULL, &rec_ops);
	size_t len = expected(want);
	size_t wrong = 0;
	struct file *f;

	KT_EXPECT(t, de && want);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_seq", O_RDONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, read_at(f, len, &c, 1), 0);
	KT_EXPECT_EQ(t, read_at(f, len + 100, &c, 1), 0);
	for (size_t off = len; off-- > 0;)
		if (read_at(f, off, &c, 1) != 1 || c != want[off])
			wrong++;
	KT_EXPECT_EQ(t, wrong, 0);
	filp_close(f);
	proc_remove(de);
	kfree(want);
}

static void lseek_back_and_forth(struct ktest *t)
{
	char *want = kmalloc(FILE_MAX, GFP_KERNEL), got[100];
	struct proc_dir_entry *de =
		proc_create_seq("kt_seq", 0, NULL, &rec_ops);
	size_t len = expected(want);
	struct file *f;

	KT_EXPECT(t, de && want);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_seq", O_RDONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, vfs_llseek(f, 5000, SEEK_SET), 5000);
	KT_EXPECT_EQ(t, kernel_read(f, got, 100, &f->f_pos), 100);
	KT_EXPECT(t, !memcmp(got, want + 5000, 100));
	KT_EXPECT_EQ(t, vfs_llseek(f, -4000, SEEK_CUR), 1100);
	KT_EXPECT_EQ(t, kernel_read(f, got, 100, &f->f_pos), 100);
	KT_EXPECT(t, !memcmp(got, want + 1100, 100));
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, SEEK_END), -EINVAL);
	KT_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_SET), -EINVAL);
	KT_EXPECT_EQ(t, f->f_pos, 1200);
	KT_EXPECT_EQ(t, vfs_llseek(f, len - 10, SEEK_SET), len - 10);
	KT_EXPECT_EQ(t, kernel_read(f, got, 100, &f->f_pos), 10);
	KT_EXPECT(t, !memcmp(got, want + len - 10, 10));
	filp_close(f);
	proc_remove(de);
	kfree(want);
}

static int single_show(struct seq_file *m, void *v)
{
	seq_printf(m, "data=%s\n", (const char *)m->private);
	seq_puts(m, "second\n");
	seq_write(m, "raw", 3);
	return 0;
}

static int failing_show(struct seq_file *m, void *v)
{
	seq_puts(m, "partial");
	return -EIO;
}

static void single_open_files(struct ktest *t)
{
	struct proc_dir_entry *one, *bad;
	struct file *f;
	char buf[64];
	ssize_t n;

	one = proc_create_single_data("kt_single", 0, NULL, single_show, "xyz");
	bad = proc_create_single("kt_bad", 0, NULL, failing_show);
	KT_EXPECT(t, one && bad);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_single", O_RDONLY, 0, &f), 0);
	n = read_at(f, 0, buf, sizeof(buf) - 1);
	KT_EXPECT_EQ(t, n, 19);
	buf[n < 0 ? 0 : n] = '\0';
	KT_EXPECT(t, !strcmp(buf, "data=xyz\nsecond\nraw"));
	KT_EXPECT_EQ(t, read_at(f, 9, buf, 7), 7);
	KT_EXPECT(t, !memcmp(buf, "second\n", 7));
	filp_close(f);
	KT_EXPECT_EQ(t, file_open_name("/proc/kt_bad", O_RDONLY, 0, &f), 0);
	KT_EXPECT_EQ(t, read_at(f, 0, buf, sizeof(buf)), -EIO);
	filp_close(f);
	proc_remove(one);
	proc_remove(bad);
}

static void list_helpers(struct ktest *t)
{
	struct item {
		int v;
		struct list_head node;
	} items[3];
	LIST_HEAD(head);
	struct list_head *lh;
	loff_t pos = 1;

	for (int i = 0; i < 3; i++)
		list_add_tail(&items[i].node, &head);
	lh = seq_list_start(&head, 1);
	KT_EXPECT(t, lh == &items[1].node);
	lh = seq_list_next(lh, &head, &pos);
	KT_EXPECT(t, lh == &items[2].node && pos == 2);
	KT_EXPECT(t, !seq_list_next(lh, &head, &pos) && pos == 3);
	KT_EXPECT(t, !seq_list_start(&head, 3));
	KT_EXPECT(t, seq_list_start_head(&head, 0) == &head);
	KT_EXPECT(t, seq_list_start_head(&head, 1) == &items[0].node);
}

/* Everything above, again, must leave the heap as it found it. */
static void nothing_leaked(struct ktest *t)
{
	struct mm_stats before, after;

	mm_get_stats(&before);
	big_record_and_chunk_sizes(t);
	lseek_back_and_forth(t);
	single_open_files(t);
	mm_get_stats(&after);
	ktest_same_mm(t, "seq_file reads", &before, &after);
}

KTEST_SUITE(seq_file, KTEST_CASE(big_record_and_chunk_sizes),
	    KTEST_CASE(every_offset), KTEST_CASE(lseek_back_and_forth),
	    KTEST_CASE(single_open_files), KTEST_CASE(list_helpers),
	    KTEST_CASE(nothing_leaked));
