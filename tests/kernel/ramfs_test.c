/*
 * In-kernel tests of ramfs through the VFS's calls: data written and read
 * back, O_TRUNC, O_APPEND, lseek, an unlinked file readable until its
 * last close (and then freed), rmdir's refusals, descriptors, and a
 * directory of 20,000 names looked up and listed in order quickly.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/uaccess.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define DIR "/rt"
#define MANY 20000
#define MANY_BUDGET_NS 20000000000ull /* create, list, remove: 20 s */

static void setup(struct ktest *t)
{
	KT_EXPECT_EQ(t, ksys_mkdir(DIR, 0755), 0);
}

static void teardown(struct ktest *t)
{
	KT_EXPECT_EQ(t, ksys_rmdir(DIR), 0);
}

static int write_str(struct file *f, const char *s)
{
	return kernel_write(f, s, strlen(s), &f->f_pos);
}

/* Read all of @name from the start into @buf (NUL-ended); bytes or -E. */
static int read_all(const char *name, char *buf, size_t size)
{
	struct file *f;
	loff_t pos = 0;
	int ret = file_open_name(name, O_RDONLY, 0, &f);

	if (ret)
		return ret;
	ret = kernel_read(f, buf, size - 1, &pos);
	buf[ret < 0 ? 0 : ret] = '\0';
	filp_close(f);
	return ret;
}

static void write_read_truncate_append(struct ktest *t)
{
	char buf[64];
	struct file *f;

	setup(t);
	KT_EXPECT_EQ(t, file_open_name(DIR "/a", O_CREAT | O_WRONLY, 0644, &f),
		     0);
	KT_EXPECT_EQ(t, write_str(f, "hello, "), 7);
	KT_EXPECT_EQ(t, write_str(f, "world"), 5);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 4, &f->f_pos), -EBADF);
	filp_close(f);
	KT_EXPECT_EQ(t, read_all(DIR "/a", buf, sizeof(buf)), 12);
	KT_EXPECT(t, !strcmp(buf, "hello, world"));
	KT_EXPECT_EQ(t, file_open_name(DIR "/a", O_WRONLY | O_APPEND, 0, &f),
		     0);
	f->f_pos = 0; /* O_APPEND writes at the end whatever the position */
	KT_EXPECT_EQ(t, write_str(f, "!"), 1);
	filp_close(f);
	KT_EXPECT_EQ(t, read_all(DIR "/a", buf, sizeof(buf)), 13);
	KT_EXPECT(t, !strcmp(buf, "hello, world!"));
	KT_EXPECT_EQ(t, file_open_name(DIR "/a", O_WRONLY | O_TRUNC, 0, &f), 0);
	KT_EXPECT_EQ(t, f->f_inode->i_size, 0);
	KT_EXPECT_EQ(t, write_str(f, "new"), 3);
	filp_close(f);
	KT_EXPECT_EQ(t, read_all(DIR "/a", buf, sizeof(buf)), 3);
	KT_EXPECT(t, !strcmp(buf, "new"));
	/* O_TRUNC with O_RDONLY leaves the data, as Linux's. */
	KT_EXPECT_EQ(t, file_open_name(DIR "/a", O_RDONLY | O_TRUNC, 0, &f), 0);
	KT_EXPECT_EQ(t, f->f_inode->i_size, 3);
	filp_close(f);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/a"), 0);
	teardown(t);
}

static void lseek_and_holes(struct ktest *t)
{
	char buf[16];
	struct file *f;

	setup(t);
	KT_EXPECT_EQ(t, file_open_name(DIR "/s", O_CREAT | O_RDWR, 0644, &f),
		     0);
	KT_EXPECT_EQ(t, write_str(f, "0123456789"), 10);
	KT_EXPECT_EQ(t, vfs_llseek(f, 2, SEEK_SET), 2);
	KT_EXPECT_EQ(t, vfs_llseek(f, 3, SEEK_CUR), 5);
	KT_EXPECT_EQ(t, kernel_read(f, buf, 2, &f->f_pos), 2);
	KT_EXPECT(t, !memcmp(buf, "56", 2));
	KT_EXPECT_EQ(t, vfs_llseek(f, -1, SEEK_END), 9);
	KT_EXPECT_EQ(t, vfs_llseek(f, -11, SEEK_END), -EINVAL);
	KT_EXPECT_EQ(t, vfs_llseek(f, 0, 7), -EINVAL);
	KT_EXPECT_EQ(t, f->f_pos, 9);
	/* Past the end: reads give 0; a write leaves a hole of zeros. */
	KT_EXPECT_EQ(t, vfs_llseek(f, 12, SEEK_SET), 12);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 0);
	KT_EXPECT_EQ(t, write_str(f, "x"), 1);
	KT_EXPECT_EQ(t, vfs_llseek(f, 9, SEEK_SET), 9);
	KT_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &f->f_pos), 4);
	KT_EXPECT(t, !memcmp(buf, "9\0\0x", 4));
	filp_close(f);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/s"), 0);
	teardown(t);
}

static void unlink_open_file(struct ktest *t)
{
	struct mm_stats before, after;
	struct file *w, *r;
	char buf[16];

	mm_get_stats(&before);
	setup(t);
	KT_EXPECT_EQ(t, file_open_name(DIR "/u", O_CREAT | O_RDWR, 0644, &w),
		     0);
	KT_EXPECT_EQ(t, file_open_name(DIR "/u", O_RDONLY, 0, &r), 0);
	KT_EXPECT_EQ(t, write_str(w, "kept"), 4);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/u"), 0);
	KT_EXPECT_EQ(t, read_all(DIR "/u", buf, sizeof(buf)), -ENOENT);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR), 0); /* the name is gone */
	filp_close(w);
	KT_EXPECT_EQ(t, kernel_read(r, buf, sizeof(buf), &r->f_pos), 4);
	KT_EXPECT(t, !memcmp(buf, "kept", 4));
	filp_close(r);
	mm_get_stats(&after);
	KT_EXPECT_EQ(t, after.heap_allocations, before.heap_allocations);
	KT_EXPECT_EQ(t, after.heap_bytes, before.heap_bytes);
}

static void rmdir_refusals(struct ktest *t)
{
	struct file *f;

	setup(t);
	KT_EXPECT_EQ(t, ksys_mkdir(DIR "/d", 0755), 0);
	KT_EXPECT_EQ(t, file_open_name(DIR "/d/f", O_CREAT | O_RDWR, 0644, &f),
		     0);
	filp_close(f);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/d"), -ENOTEMPTY);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/d/f"), -ENOTDIR);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/d/."), -EINVAL);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/d/.."), -ENOTEMPTY);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/d/f"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/d"), 0);
	KT_EXPECT_EQ(t, ksys_rmdir(DIR "/d"), -ENOENT);
	teardown(t);
}

/* The descriptor calls move data through the caller's user window. */
static void descriptors(struct ktest *t)
{
	struct uaccess_window saved;
	char buf[8] = "abc", outside[4];
	int fd;

	setup(t);
	fd = do_sys_open(DIR "/fd", O_CREAT | O_RDWR, 0644);
	KT_EXPECT(t, fd >= 0);
	uaccess_window_open(&saved, buf, sizeof(buf));
	KT_EXPECT_EQ(t, ksys_write(fd, buf, 3), 3);
	KT_EXPECT_EQ(t, ksys_lseek(fd, 1, SEEK_SET), 1);
	KT_EXPECT_EQ(t, ksys_read(fd, buf, sizeof(buf)), 2);
	KT_EXPECT(t, !memcmp(buf, "bc", 2));
	KT_EXPECT_EQ(t, ksys_lseek(fd, 0, SEEK_SET), 0);
	KT_EXPECT_EQ(t, ksys_read(fd, outside, sizeof(outside)), -EFAULT);
	KT_EXPECT_EQ(t, ksys_write(fd, outside, sizeof(outside)), -EFAULT);
	uaccess_window_close(&saved);
	KT_EXPECT_EQ(t, ksys_ioctl(fd, 1, 0), -ENOTTY);
	KT_EXPECT_EQ(t, close_fd(fd), 0);
	KT_EXPECT_EQ(t, close_fd(fd), -EBADF);
	KT_EXPECT_EQ(t, ksys_read(fd, buf, 1), -EBADF);
	KT_EXPECT_EQ(t, ksys_read(-1, buf, 1), -EBADF);
	KT_EXPECT_EQ(t, ksys_unlink(DIR "/fd"), 0);
	teardown(t);
}

struct list_check {
	struct dir_context ctx;
	char prev[16];
	int count;
	bool ordered;
};

static bool list_one(struct dir_context *ctx, const char *name,
		     unsigned int len, unsigned long ino, umode_t mode)
{
	struct list_check *c = (struct list_check *)ctx;
	char cur[16];

	snprintf(cur, sizeof(cur), "%.*s", (int)len, name);
	if (c->count && strcmp(c->prev, cur) >= 0)
		c->ordered = false;
	strcpy(c->prev, cur);
	c->count++;
	return true;
}

/* Names made out of order (a stride prime to MANY), listed sorted. */
static void many_entries_listed_in_order(struct ktest *t)
{
	struct list_check c = { .ctx.actor = list_one, .ordered = true };
	uint64_t start = ktime_get_ns();
	char name[32];
	struct file *d;
	int i, fails = 0;

	setup(t);
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), DIR "/%05d", i * 7919 % MANY);
		fails += ksys_mkdir(name, 0755) != 0;
	}
	KT_EXPECT_EQ(t, fails, 0);
	KT_EXPECT_EQ(t, file_open_name(DIR, O_RDONLY | O_DIRECTORY, 0, &d), 0);
	KT_EXPECT_EQ(t, iterate_dir(d, &c.ctx), 0);
	filp_close(d);
	KT_EXPECT_EQ(t, c.count, MANY);
	KT_EXPECT(t, c.ordered);
	KT_EXPECT(t, !strcmp(c.prev, "19999"));
	for (i = 0; i < MANY; i++) {
		snprintf(name, sizeof(name), DIR "/%05d", i);
		fails += ksys_rmdir(name) != 0;
	}
	KT_EXPECT_EQ(t, fails, 0);
	KT_EXPECT(t, ktime_get_ns() - start < MANY_BUDGET_NS);
	teardown(t);
}

KTEST_SUITE(ramfs, KTEST_CASE(write_read_truncate_append),
	    KTEST_CASE(lseek_and_holes), KTEST_CASE(unlink_open_file),
	    KTEST_CASE(rmdir_refusals), KTEST_CASE(descriptors),
	    KTEST_CASE(many_entries_listed_in_order));
