/*
 * libFuzzer target for the cpio unpacker and the reader under it: any byte
 * string is opened as an archive, walked, and unpacked into an empty
 * ramfs root (the host VFS of host_vfs.h), as populate_rootfs() does at
 * boot.  Nothing may crash or leak; each entry lies inside the archive; an
 * accepted archive unpacks whole, a refused one stops with a message; and
 * the tree follows Linux's initramfs rules: each member is found as its
 * last entry left it (type, bits, bytes, link target), the hard links of
 * one file are one inode with the data their entries wrote, and the root
 * holds no name that no entry gives.
 */
#include <string.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include "../../kernel/fs/internal.h"
#include "../../kernel/initrd/internal.h"
#include "host.h"
#include "host_vfs.h"

/* <stdlib.h> would bring the C library's dev_t and loff_t, not the kernel's. */
void *malloc(size_t size);
void free(void *p);

#define FUZZ_ERR_MAX 160

static bool inside(const struct cpio_archive *ar, const void *p, size_t n)
{
	const uint8_t *b = p;

	return b >= ar->base && b <= ar->base + ar->size &&
	       n <= (size_t)(ar->base + ar->size - b);
}

/* The accepted archive's entries, in order, for the rules to look across. */
static struct cpio_entry *ent;
static size_t n_ent, archive_size;

static bool same_path(const struct cpio_entry *a, const struct cpio_entry *b)
{
	return a->name_len == b->name_len &&
	       !memcmp(a->name, b->name, a->name_len);
}

static bool made(const struct cpio_entry *e)
{
	umode_t type = e->mode & CPIO_S_IFMT;

	return !cpio_dropped(e) && e->name_len + 2 <= PATH_MAX &&
	       (type == CPIO_S_IFDIR || type == CPIO_S_IFREG ||
		type == CPIO_S_IFLNK);
}

/*
 * A name the walk reads as written and can make: no "//", "." or ".."
 * parts, none longer than NAME_MAX.
 */
static bool plain(const struct cpio_entry *e)
{
	const char *p = e->name, *end = e->name + e->name_len;

	while (p < end) {
		const char *slash = memchr(p, '/', (size_t)(end - p));
		size_t n = (size_t)((slash ? slash : end) - p);

		if (n == 0 || n > NAME_MAX || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n + 1;
	}
	return true;
}

/* Whether entry @k is the last of its path. */
static bool last_of_path(size_t k)
{
	for (size_t j = k + 1; j < n_ent; j++)
		if (!cpio_dropped(&ent[j]) && same_path(&ent[j], &ent[k]))
			return false;
	return true;
}

/*
 * Whether the unpacker can be expected to have made entry @k: a plain
 * name, each directory above it made by an earlier entry and never
 * anything else (a file there first would block it, as in Linux), no
 * earlier directory of its own path unless it is one (a directory with
 * children is not removed), and no earlier hard link there (a later link
 * of that file would write into it).
 */
static bool expectable(size_t k)
{
	const struct cpio_entry *e = &ent[k];
	bool is_dir = cpio_is_dir(e);

	if (!made(e) || !plain(e))
		return false;
	for (size_t len = 1; len < e->name_len; len++) {
		struct cpio_entry up = { .name = e->name, .name_len = len };
		bool before = false;

		if (e->name[len] != '/')
			continue;
		for (size_t j = 0; j < n_ent; j++) {
			if (cpio_dropped(&ent[j]) || !same_path(&ent[j], &up))
				continue;
			if (!cpio_is_dir(&ent[j]))
				return false;
			before |= j < k;
		}
		if (!before)
			return false;
	}
	for (size_t j = 0; j < k; j++)
		if (!cpio_dropped(&ent[j]) && same_path(&ent[j], e) &&
		    ((!is_dir && cpio_is_dir(&ent[j])) ||
		     cpio_is_link(&ent[j])))
			return false;
	return true;
}

/*
 * A hard link's file is checked when its links are all made, each at a
 * path of its own that no other entry names: then each later link is
 * linked to the first, and the inode holds the data each wrote in turn,
 * with the last link's bits.
 */
static bool link_group_clean(size_t k)
{
	for (size_t j = 0; j < n_ent; j++) {
		if (!cpio_same_file(&ent[j], &ent[k]))
			continue;
		if (!expectable(j) || !last_of_path(j))
			return false;
		for (size_t i = 0; i < n_ent; i++)
			if (i != j && !cpio_dropped(&ent[i]) &&
			    same_path(&ent[i], &ent[j]))
				return false;
	}
	return true;
}

static struct inode *lookup(const struct cpio_entry *e, int *ret)
{
	char path[PATH_MAX];
	struct inode *inode;
	struct path p;

	path[0] = '/';
	memcpy(path + 1, e->name, e->name_len);
	path[e->name_len + 1] = '\0';
	*ret = kern_path(path, 0, &p);
	if (*ret)
		return NULL;
	inode = p.dentry->d_inode;
	path_put(&p);
	return inode;
}

/* The bytes and bits a hard link's inode ends with, its first one's inode. */
static void check_link(size_t k, struct inode *inode)
{
	char *want = malloc(archive_size + 1); /* no data is longer */
	size_t len = 0;
	uint32_t mode = 0;

	fuzz_check(want != NULL, "memory for the check");
	for (size_t j = 0; j < n_ent; j++) {
		int ret;
		struct inode *other;

		if (!cpio_same_file(&ent[j], &ent[k]))
			continue;
		other = lookup(&ent[j], &ret);
		if (ret == -EACCES)
			goto out; /* below a directory without search bits */
		fuzz_check(other == inode,
			   "the hard links of one file are one inode");
		memcpy(want, ent[j].data, ent[j].size);
		len = MAX(len, ent[j].size);
		mode = ent[j].mode;
	}
	fuzz_check(inode->i_mode == (CPIO_S_IFREG | (mode & 07777)),
		   "a hard link has its last entry's bits");
	fuzz_check((size_t)inode->i_size == len &&
			   (!len || !memcmp(inode->i_private, want, len)),
		   "a hard link holds the data its entries wrote");
out:
	free(want);
}

/* Entry @k, the last of its path, is in the tree as it says. */
static void check_member(size_t k)
{
	const struct cpio_entry *e = &ent[k];
	int ret;
	struct inode *inode = lookup(e, &ret);
	size_t target = strnlen(e->data, e->size);

	if (ret == -EACCES)
		return; /* below a directory archived without search bits */
	if ((e->mode & CPIO_S_IFMT) == CPIO_S_IFLNK &&
	    (!target || e->size >= PATH_MAX))
		return; /* an empty or too long target: Linux makes none */
	fuzz_check(inode != NULL, "a member is unpacked");
	if (cpio_is_link(e)) {
		if (link_group_clean(k))
			check_link(k, inode);
		return;
	}
	switch (e->mode & CPIO_S_IFMT) {
	case CPIO_S_IFDIR:
		fuzz_check(inode->i_mode == (S_IFDIR | (e->mode & 07777)),
			   "a directory has its last entry's bits");
		break;
	case CPIO_S_IFREG:
		fuzz_check(inode->i_mode == (S_IFREG | (e->mode & 07777)),
			   "a file has its last entry's bits");
		fuzz_check((size_t)inode->i_size == e->size &&
				   (!e->size || !memcmp(inode->i_private,
							e->data, e->size)),
			   "a file holds its last entry's data");
		break;
	default:
		fuzz_check(S_ISLNK(inode->i_mode) &&
				   strlen(inode->i_link) == target &&
				   !memcmp(inode->i_link, e->data, target),
			   "a symbolic link has its last entry's target");
	}
}

/* The path of a dentry of the tree being checked, "a/b" below the root. */
struct tree_walk {
	char path[PATH_MAX];
	size_t len;
};

static bool check_name(struct dentry *d, void *arg)
{
	struct tree_walk *w = arg;
	size_t len = w->len;
	struct cpio_entry name;
	bool found = false;

	fuzz_check(len + !!len + d->d_name.len < sizeof(w->path),
		   "a name in the tree has a path");
	if (len)
		w->path[w->len++] = '/';
	memcpy(w->path + w->len, d->d_name.name, d->d_name.len);
	w->len += d->d_name.len;
	name = (struct cpio_entry){ .name = w->path, .name_len = w->len };
	for (size_t j = 0; j < n_ent && !found; j++)
		found = !cpio_dropped(&ent[j]) && same_path(&ent[j], &name);
	fuzz_check(found, "nothing is in the root that no entry names");
	if (S_ISDIR(d->d_inode->i_mode))
		dtree_walk(d->d_children, 0, check_name, w);
	w->len = len;
	return true;
}

/*
 * Every name in the tree is an entry's, when each name is read as written
 * (symbolic links and "..", "//" make other spellings of one place).
 */
static void check_nothing_else(void)
{
	static struct tree_walk w;

	for (size_t j = 0; j < n_ent; j++)
		if (!cpio_dropped(&ent[j]) &&
		    ((ent[j].mode & CPIO_S_IFMT) == CPIO_S_IFLNK ||
		     !plain(&ent[j])))
			return;
	w.len = 0;
	dtree_walk(fs_root.dentry->d_children, 0, check_name, &w);
}

static void check_tree(void)
{
	for (size_t k = 0; k < n_ent; k++)
		if (expectable(k) && last_of_path(k))
			check_member(k);
	check_nothing_else();
}

/* The reader's walk: every entry inside the archive, to its end. */
static void walk(const struct cpio_archive *ar)
{
	struct cpio_cursor cur = { 0, 0 };
	int ret;

	archive_size = ar->size;
	ent = malloc((ar->count + 1) * sizeof(*ent));
	fuzz_check(ent != NULL, "memory for the entries");
	n_ent = 0;
	while ((ret = cpio_next(ar, &cur, &ent[n_ent], NULL, 0)) > 0) {
		fuzz_check(n_ent < ar->count,
			   "cpio_open() counted every entry");
		fuzz_check(inside(ar, ent[n_ent].data, ent[n_ent].size),
			   "an entry's data is in the archive");
		fuzz_check(cur.pos <= ar->size,
			   "the walk stays in the archive");
		n_ent++;
	}
	fuzz_check(ret == 0 && n_ent == ar->count,
		   "an accepted archive walks to its end");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that any read past the end is caught. */
	uint8_t *buf = fuzz_copy(data, size);
	char err[FUZZ_ERR_MAX] = "", unpack_err[FUZZ_ERR_MAX] = "";
	struct cpio_archive ar;
	bool accepted = cpio_open(&ar, buf, size, err, sizeof(err)) == 0;
	int ret;

	fuzz_check(accepted || err[0] != '\0',
		   "a refused archive has a message");
	host_rootfs_mount();
	ret = unpack_to_rootfs(buf, size, unpack_err, sizeof(unpack_err));
	if (accepted) {
		fuzz_check(ret == 0, "an accepted archive unpacks whole");
		walk(&ar);
		check_tree();
		free(ent);
	} else {
		fuzz_check(ret == -EINVAL && !strcmp(err, unpack_err),
			   "the unpacking stops where the reader does");
	}
	host_rootfs_umount();
	free(buf);
	return 0;
}
