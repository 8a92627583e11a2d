/*
 * The initrd unpacked into the root is what Linux's initramfs rules make
 * of the archive, worked out here from the archive itself with the cpio
 * reader: the last entry of each path is in the root with its type,
 * permission bits, bytes (a hard link's: the last data any link of its
 * file carries) or link target, and the root's own file system holds
 * nothing the archive lacks.  It needs the archive after boot:
 * tests/boot/unpack.sh boots with retain_initrd and archives that
 * exercise each rule; without the archive it is skipped.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/initrd.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "../../kernel/initrd/internal.h"

#define CHUNK 256

static struct cpio_archive archive;
static char path_buf[PATH_MAX]; /* the member being checked, made absolute */

static bool have_archive(struct ktest *t)
{
	if (initrd_start && !cpio_open(&archive, (const void *)initrd_start,
				       initrd_end - initrd_start, NULL, 0))
		return true;
	printk(KERN_INFO
	       "        # %s: no initrd kept (boot with retain_initrd): skipped\n",
	       t->name);
	return false;
}

static bool same_path(const struct cpio_entry *a, const struct cpio_entry *b)
{
	return a->name_len == b->name_len &&
	       !memcmp(a->name, b->name, a->name_len);
}

/*
 * Whether an entry after @cur names @e's path: that one is what the root
 * holds.  Quadratic in the entries, which the test archives afford.
 */
static bool replaced_later(const struct cpio_cursor *cur,
			   const struct cpio_entry *e)
{
	struct cpio_cursor c = *cur;
	struct cpio_entry later;

	while (cpio_next(&archive, &c, &later, NULL, 0) > 0)
		if (!cpio_dropped(&later) && same_path(&later, e))
			return true;
	return false;
}

/* A hard link's bytes: the last non-empty data a link of its file has. */
static void link_data(struct cpio_entry *e)
{
	struct cpio_cursor c = { 0, 0 };
	struct cpio_entry other;

	while (cpio_next(&archive, &c, &other, NULL, 0) > 0)
		if (cpio_same_file(&other, e) && other.size) {
			e->data = other.data;
			e->size = other.size;
		}
}

/* The file @path's bytes are @e's: read through the VFS, in chunks. */
static void expect_same_bytes(struct ktest *t, const char *path,
			      const struct cpio_entry *e)
{
	static char chunk[CHUNK];
	struct file *file;
	loff_t pos = 0;
	ssize_t n;

	KT_EXPECT_EQ(t, file_open_name(path, O_RDONLY, 0, &file), 0);
	if (t->failures)
		return;
	while ((n = kernel_read(file, chunk, sizeof(chunk), &pos)) > 0)
		if ((size_t)pos > e->size ||
		    memcmp(chunk, (const char *)e->data + pos - n, n))
			break;
	if (n || (size_t)pos != e->size)
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: bytes differ from the archive's near %lld",
			   path, (long long)pos);
	fput(file);
}

/* @path (the last entry of its path, @e) as the VFS has it. */
static void expect_member(struct ktest *t, const char *path,
			  const struct cpio_entry *e)
{
	struct inode *inode;
	struct path p;
	int ret = kern_path(path, 0, &p);

	if (ret) {
		ktest_fail(t, __FILE__, __LINE__, "%s: not unpacked (%d)", path,
			   ret);
		return;
	}
	inode = p.dentry->d_inode;
	if (inode->i_mode != e->mode)
		ktest_fail(t, __FILE__, __LINE__, "%s: mode %o, archived %o",
			   path, inode->i_mode, (unsigned int)e->mode);
	else if (S_ISLNK(e->mode) && (strlen(inode->i_link) != e->size ||
				      memcmp(inode->i_link, e->data, e->size)))
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: link to %s, archived %.*s", path, inode->i_link,
			   (int)e->size, (const char *)e->data);
	path_put(&p);
	if (S_ISREG(e->mode))
		expect_same_bytes(t, path, e);
}

static void every_member_unpacked(struct ktest *t)
{
	struct cpio_cursor cur = { 0, 0 };
	struct cpio_entry e;
	int ret;

	if (!have_archive(t))
		return;
	while ((ret = cpio_next(&archive, &cur, &e, NULL, 0)) > 0) {
		if (cpio_dropped(&e) || replaced_later(&cur, &e))
			continue;
		if (!S_ISDIR(e.mode) && !S_ISREG(e.mode) && !S_ISLNK(e.mode))
			continue; /* devtmpfs gives /dev: none are made */
		if (cpio_is_link(&e))
			link_data(&e);
		snprintf(path_buf, sizeof(path_buf), "/%.*s", (int)e.name_len,
			 e.name);
		expect_member(t, path_buf, &e);
	}
	KT_EXPECT_EQ(t, ret, 0);
}

/* Whether an entry of the archive makes @path ("/a/b"). */
static bool archive_has(const char *path)
{
	struct cpio_cursor cur = { 0, 0 };
	struct cpio_entry e;

	while (cpio_next(&archive, &cur, &e, NULL, 0) > 0)
		if (!cpio_dropped(&e) && strlen(path + 1) == e.name_len &&
		    !memcmp(path + 1, e.name, e.name_len))
			return true;
	return false;
}

#define EXTRA_MAX 8

/* Names of a directory that are no initrd member (mounts among them). */
struct extra {
	struct dir_context ctx;
	const char *dir;
	int count;
	char names[EXTRA_MAX][NAME_MAX + 64];
};

/* Under vfs_lock: only the archive is read here. */
static bool note_extra(struct dir_context *ctx, const char *name,
		       unsigned int len, unsigned long ino, umode_t mode)
{
	struct extra *x = (struct extra *)ctx;
	char *path = x->names[x->count];

	snprintf(path, sizeof(x->names[0]), "%s/%.*s", x->dir, (int)len, name);
	if (!archive_has(path))
		x->count++;
	return x->count < EXTRA_MAX;
}

/* Each name in @dir of the root's file system is an initrd member. */
static void check_dir(struct ktest *t, const char *dir)
{
	static struct extra x;
	struct path root, p;
	struct file *f;

	x = (struct extra){ .ctx.actor = note_extra, .dir = dir };
	KT_EXPECT_EQ(t, kern_path("/", 0, &root), 0);
	if (file_open_name(dir[0] ? dir : "/", O_RDONLY, 0, &f))
		goto out;
	iterate_dir(f, &x.ctx);
	fput(f);
	for (int i = 0; i < x.count; i++) {
		if (kern_path(x.names[i], 0, &p))
			continue;
		if (p.mnt == root.mnt) /* not another file system's root */
			ktest_fail(t, __FILE__, __LINE__,
				   "%s is in the root but not in the initrd",
				   x.names[i]);
		path_put(&p);
	}
out:
	path_put(&root);
}

static void nothing_but_members(struct ktest *t)
{
	if (!have_archive(t))
		return;
	check_dir(t, "");
	check_dir(t, "/lib/modules");
}

KTEST_SUITE(initramfs, KTEST_CASE(every_member_unpacked),
	    KTEST_CASE(nothing_but_members));
