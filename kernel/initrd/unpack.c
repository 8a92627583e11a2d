/*
 * The initrd unpacked into the root file system, as Linux's
 * unpack_to_rootfs() unpacks its initramfs: each member, in archive order,
 * becomes a directory, a file with its data, a hard link or a symbolic
 * link of the ramfs root, with its archived permission bits, by Linux's
 * rules.  Only the VFS below it: the host tests run it on a host ramfs.
 */
#define pr_fmt(fmt) fmt

#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/list.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

/* The bits the unpacker needs on a directory to make names in it. */
#define UNPACK_DIR_BITS (S_IWUSR | S_IXUSR)

/* A hard link's first name, which its later links are linked to. */
struct unpack_link {
	struct list_head list;
	struct cpio_entry e;
	char name[];
};

/* A directory whose archived bits would shut the unpacker out of it. */
struct unpack_dir {
	struct list_head list;
	umode_t mode;
	char name[];
};

struct unpack {
	struct list_head links; /* this archive's first links (Linux's hash) */
	struct list_head dirs;	/* modes to set once everything is made */
	uint32_t archive;
	char path[PATH_MAX]; /* the member's name, made absolute */
	char target[PATH_MAX];
};

/* As Linux's clean_path(): what is at @path of another type goes. */
static void __init unpack_clean(const char *path, umode_t type)
{
	umode_t mode;

	if (init_stat(path, &mode) || !((mode ^ type) & S_IFMT))
		return;
	if (S_ISDIR(mode))
		ksys_rmdir(path);
	else
		ksys_unlink(path);
}

/* Remember @name (@len bytes) in a list node whose name is at @off. */
static void *__init unpack_node(size_t off, const char *name, size_t len)
{
	char *node = kmalloc(off + len + 1, GFP_KERNEL);

	if (node) {
		memcpy(node + off, name, len);
		node[off + len] = '\0';
	}
	return node;
}

static int __init unpack_dir(struct unpack *u, const struct cpio_entry *e)
{
	umode_t mode = e->mode & 07777;
	struct unpack_dir *d;

	unpack_clean(u->path, S_IFDIR);
	ksys_mkdir(u->path, mode | UNPACK_DIR_BITS); /* it may be there */
	init_chmod(u->path, mode | UNPACK_DIR_BITS);
	if ((mode & UNPACK_DIR_BITS) == UNPACK_DIR_BITS)
		return 0;
	d = unpack_node(offsetof(struct unpack_dir, name), u->path,
			strlen(u->path));
	if (!d)
		return -ENOMEM;
	d->mode = mode;
	list_add_tail(&d->list, &u->dirs);
	return 0;
}

/*
 * As Linux's maybe_link(): a later link of a file becomes another name of
 * the first one's inode (1); a first link is remembered (0).
 */
static int __init unpack_maybe_link(struct unpack *u,
				    const struct cpio_entry *e)
{
	struct unpack_link *l;

	if (!cpio_is_link(e))
		return 0;
	list_for_each_entry(l, &u->links, list) {
		if (!cpio_same_file(&l->e, e))
			continue;
		unpack_clean(u->path, 0);
		return init_link(l->name, u->path) ? 0 : 1;
	}
	l = unpack_node(offsetof(struct unpack_link, name), u->path,
			strlen(u->path));
	if (!l)
		return -ENOMEM;
	l->e = *e;
	list_add_tail(&l->list, &u->links);
	return 0;
}

/* The member's data into @path, opened (made) with @flags. */
static int __init unpack_write(const char *path, const struct cpio_entry *e,
			       int flags)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t n = 0;

	if (file_open_name(path, O_WRONLY | O_CREAT | flags, e->mode & 07777,
			   &f))
		return 0; /* as Linux: a name that cannot be made is skipped */
	if (e->size)
		n = kernel_write(f, e->data, e->size, &pos);
	fput(f);
	return n == (ssize_t)e->size ? 0 : -EIO;
}

static int __init unpack_file(struct unpack *u, const struct cpio_entry *e)
{
	umode_t mode = e->mode & 07777;
	int ret, linked;

	unpack_clean(u->path, S_IFREG);
	linked = unpack_maybe_link(u, e);
	if (linked < 0)
		return linked;
	if (!linked) {
		/* A fresh inode: the last entry of a path wins, bits too. */
		ksys_unlink(u->path);
		return unpack_write(u->path, e, O_TRUNC);
	}
	/*
	 * Another name of the first link's inode: this entry's bits, and
	 * its data if it carries any, written whatever the bits say.
	 */
	ret = 0;
	if (e->size) {
		init_chmod(u->path, mode | S_IWUSR);
		ret = unpack_write(u->path, e, 0);
	}
	init_chmod(u->path, mode);
	return ret;
}

static int __init unpack_symlink(struct unpack *u, const struct cpio_entry *e)
{
	if (e->size >= sizeof(u->target))
		return 0; /* as Linux: a target longer than PATH_MAX is skipped */
	memcpy(u->target, e->data, e->size);
	u->target[e->size] = '\0';
	unpack_clean(u->path, 0);
	ksys_symlink(u->target, u->path);
	return 0;
}

static void __init unpack_forget_links(struct unpack *u)
{
	struct unpack_link *l, *next;

	list_for_each_entry_safe(l, next, &u->links, list) {
		list_del(&l->list);
		kfree(l);
	}
}

/*
 * A later entry of a path decides its bits: a directory's that were to be
 * set at the end no longer are (Linux sets each entry's bits at once).
 */
static void __init unpack_forget_dir(struct unpack *u)
{
	struct unpack_dir *d, *next;

	list_for_each_entry_safe(d, next, &u->dirs, list) {
		if (strcmp(d->name, u->path))
			continue;
		list_del(&d->list);
		kfree(d);
	}
}

/* Make member @e; 0, or -ENOMEM / -EIO, which end the unpacking. */
static int __init unpack_entry(struct unpack *u, const struct cpio_entry *e)
{
	if (e->archive != u->archive) {
		unpack_forget_links(u); /* Linux forgets them at a trailer */
		u->archive = e->archive;
	}
	if (cpio_dropped(e) || e->name_len + 2 > sizeof(u->path))
		return 0;
	u->path[0] = '/';
	memcpy(u->path + 1, e->name, e->name_len);
	u->path[e->name_len + 1] = '\0';
	unpack_forget_dir(u);
	switch (e->mode & CPIO_S_IFMT) {
	case CPIO_S_IFDIR:
		return unpack_dir(u, e);
	case CPIO_S_IFREG:
		return unpack_file(u, e);
	case CPIO_S_IFLNK:
		return unpack_symlink(u, e);
	default:
		return 0; /* device nodes, FIFOs, sockets: not made */
	}
}

/* The directories' own bits, last, as Linux sets their times last. */
static void __init unpack_finish_dirs(struct unpack *u)
{
	struct unpack_dir *d, *next;

	list_for_each_entry_safe(d, next, &u->dirs, list) {
		init_chmod(d->name, d->mode);
		list_del(&d->list);
		kfree(d);
	}
}

static const char *__init unpack_errstr(int ret)
{
	return ret == -ENOMEM ? "out of memory" : "write error";
}

int __init unpack_to_rootfs(const void *buf, size_t size, char *err,
			    size_t err_size)
{
	struct cpio_archive ar = { .base = buf, .size = size };
	struct cpio_cursor cur = { 0, 0 };
	struct cpio_entry e;
	struct unpack *u = kmalloc(sizeof(*u), GFP_KERNEL);
	int ret;

	if (!u) {
		snprintf(err, err_size, "out of memory");
		return -ENOMEM;
	}
	INIT_LIST_HEAD(&u->links);
	INIT_LIST_HEAD(&u->dirs);
	u->archive = 0;
	while ((ret = cpio_next(&ar, &cur, &e, err, err_size)) > 0) {
		ret = unpack_entry(u, &e);
		if (ret) {
			snprintf(err, err_size, "%s", unpack_errstr(ret));
			break;
		}
	}
	unpack_forget_links(u);
	unpack_finish_dirs(u);
	kfree(u);
	return ret;
}
