/*
 * The initrd unpacked into the root agrees with the initrd's in-place
 * index, which applies Linux's initramfs rules: every member the index
 * keeps is in the root with its type, permission bits, bytes or link
 * target, and the root's own file system holds nothing the archive lacks.
 * Boot tests boot it with archives that exercise each rule.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/initrd.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define CHUNK 256

static char path_buf[PATH_MAX]; /* the path being checked, grown in place */

static bool have_index(struct ktest *t)
{
	struct initrd_file f;

	if (!initrd_open("/", &f))
		return true;
	printk(KERN_INFO "        # %s: no initrd index: skipped\n", t->name);
	return false;
}

/* The file @path's bytes are @f's: read through the VFS, in chunks. */
static void expect_same_bytes(struct ktest *t, const char *path,
			      const struct initrd_file *f)
{
	static char chunk[CHUNK];
	struct file *file;
	loff_t pos = 0;
	ssize_t n;

	KT_EXPECT_EQ(t, file_open_name(path, O_RDONLY, 0, &file), 0);
	if (t->failures)
		return;
	while ((n = kernel_read(file, chunk, sizeof(chunk), &pos)) > 0)
		if ((size_t)pos > f->size ||
		    memcmp(chunk, (const char *)f->data + pos - n, n))
			break;
	if (n || (size_t)pos != f->size)
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: bytes differ from the archive's near %lld",
			   path, (long long)pos);
	fput(file);
}

/* @path (an initrd member, @f) as the VFS has it. */
static void expect_member(struct ktest *t, const char *path,
			  const struct initrd_file *f)
{
	struct inode *inode;
	struct path p;
	int ret = kern_path(path, 0, &p);

	if (ret == -ENOENT && f->mode == S_IFDIR)
		return; /* no entry of its own: Linux makes none either */
	if (ret) {
		ktest_fail(t, __FILE__, __LINE__, "%s: not unpacked (%d)", path,
			   ret);
		return;
	}
	inode = p.dentry->d_inode;
	if (inode->i_mode != f->mode)
		ktest_fail(t, __FILE__, __LINE__, "%s: mode %o, archived %o",
			   path, inode->i_mode, (unsigned int)f->mode);
	else if (S_ISLNK(f->mode) && (strlen(inode->i_link) != f->size ||
				      memcmp(inode->i_link, f->data, f->size)))
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: link to %s, archived %.*s", path, inode->i_link,
			   (int)f->size, (const char *)f->data);
	path_put(&p);
	if (S_ISREG(f->mode))
		expect_same_bytes(t, path, f);
}

struct walk {
	struct ktest *t;
	size_t len; /* of the directory's path in path_buf */
};

static int visit_member(void *arg, const char *name, size_t len, bool is_dir)
{
	struct walk *w = arg, sub = { w->t, w->len + 1 + len };
	struct initrd_file f;

	if (sub.len >= sizeof(path_buf))
		return -ENAMETOOLONG;
	path_buf[w->len] = '/';
	memcpy(path_buf + w->len + 1, name, len);
	path_buf[sub.len] = '\0';
	if (initrd_open(path_buf, &f))
		return -ENOENT;
	expect_member(w->t, path_buf, &f);
	if (is_dir)
		initrd_list(path_buf, visit_member, &sub);
	path_buf[w->len] = '\0';
	return 0;
}

static void every_member_unpacked(struct ktest *t)
{
	struct walk w = { t, 0 };

	if (!have_index(t))
		return;
	path_buf[0] = '\0';
	KT_EXPECT_EQ(t, initrd_list("/", visit_member, &w), 0);
}

#define EXTRA_MAX 8

/* Names of a directory that are no initrd member (mounts among them). */
struct extra {
	struct dir_context ctx;
	const char *dir;
	int count;
	char names[EXTRA_MAX][NAME_MAX + 64];
};

/* Under vfs_lock: only the initrd's index is read here. */
static bool note_extra(struct dir_context *ctx, const char *name,
		       unsigned int len, unsigned long ino, umode_t mode)
{
	struct extra *x = (struct extra *)ctx;
	char *path = x->names[x->count];
	struct initrd_file f;

	snprintf(path, sizeof(x->names[0]), "%s/%.*s", x->dir, (int)len, name);
	if (initrd_open(path, &f))
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
	if (!have_index(t))
		return;
	check_dir(t, "");
	check_dir(t, "/lib/modules");
}

KTEST_SUITE(initramfs, KTEST_CASE(every_member_unpacked),
	    KTEST_CASE(nothing_but_members));
