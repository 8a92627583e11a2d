/*
 * libFuzzer target for the VFS's path walk (namei.c over dtree.c): fuzzed
 * names walked as kern_path() and walk_parent() do, over a fixed tree with
 * shut directories, all kinds of symbolic links and stacked mounts; a walk
 * ends in the tree or with a documented error, its references given back.
 */
#include <stdio.h>
#include <string.h>
#include <kernel/errno.h>
#include <kernel/sched.h>
#include "../../kernel/fs/internal.h"
#include "host.h"

/* <stdlib.h> would bring the C library's dev_t and loff_t, not the kernel's. */
void *calloc(size_t n, size_t size);
void free(void *p);

#define NODES_MAX 48
#define MOUNTS_MAX 4

/* What the walk reads of the kernel around it, as small stand-ins. */
struct path fs_root;
LIST_HEAD(mount_table);
static struct fs_struct fuzz_fs;
static struct task_struct fuzz_task = { .fs = &fuzz_fs };
struct task_struct *current_task = &fuzz_task;

void vfs_lock_acquire(void)
{
}

void vfs_lock_release(void)
{
}

struct dentry *dget(struct dentry *d)
{
	d->d_count++;
	return d;
}

void dput(struct dentry *d)
{
	fuzz_check(d->d_count > 0, "a dentry is not put more than it is got");
	d->d_count--;
}

void path_get(const struct path *p)
{
	mnt_get(p->mnt);
	dget(p->dentry);
}

void path_put(const struct path *p)
{
	dput(p->dentry);
	fuzz_check(p->mnt->mnt_count > 0, "a mount is not put more than got");
	mnt_put(p->mnt);
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	return dtree_find(parent->d_children, name);
}

struct vfsmount *lookup_mnt(const struct path *path)
{
	struct vfsmount *mnt;

	if (!path->dentry->d_mounted)
		return NULL;
	list_for_each_entry(mnt, &mount_table, mnt_list)
		if (mnt->mnt_parent == path->mnt &&
		    mnt->mnt_mountpoint == path->dentry)
			return mnt;
	return NULL;
}

/* The tree: every dentry, inode and mount, to check counts against. */
static struct dentry *nodes[NODES_MAX];
static struct inode inodes[NODES_MAX];
static size_t node_count;
static struct vfsmount mounts[MOUNTS_MAX];
static size_t mount_count;
static unsigned int start_d[NODES_MAX], start_mnt[MOUNTS_MAX];

static struct dentry *node(struct dentry *parent, const char *name,
			   umode_t mode, const char *link)
{
	size_t len = strlen(name);
	struct dentry *d = calloc(1, sizeof(*d) + len + 1);
	struct inode *inode = &inodes[node_count];

	fuzz_check(d && node_count < NODES_MAX, "room for the tree");
	memcpy(d->d_iname, name, len);
	d->d_name = (struct qstr){ d->d_iname, (unsigned int)len };
	d->d_count = 1;
	inode->i_mode = mode;
	inode->i_link = link;
	d->d_inode = inode;
	d->d_parent = parent ? parent : d;
	if (parent)
		dtree_insert(&parent->d_children, d);
	nodes[node_count++] = d;
	return d;
}

/* A file system's root mounted on @on (in @parent), or a root mount. */
static struct vfsmount *mount(struct vfsmount *parent, struct dentry *on,
			      struct dentry *root)
{
	struct vfsmount *mnt = &mounts[mount_count++];

	mnt->mnt_root = root;
	mnt->mnt_parent = parent ? parent : mnt;
	mnt->mnt_mountpoint = on ? on : root;
	if (on)
		on->d_mounted++;
	list_add_tail(&mnt->mnt_list, &mount_table);
	return mnt;
}

static struct dentry *dir_a_b;

static void build_tree(void)
{
	struct dentry *root = node(NULL, "/", S_IFDIR | 0755, NULL);
	struct dentry *a = node(root, "a", S_IFDIR | 0755, NULL);
	struct dentry *m = node(root, "mnt", S_IFDIR | 0755, NULL);
	struct dentry *other, *third;
	struct vfsmount *top = mount(NULL, NULL, root), *second;

	dir_a_b = node(a, "b", S_IFDIR | 0755, NULL);
	node(dir_a_b, "c", S_IFDIR | 0755, NULL);
	node(a, "f", S_IFREG | 0644, NULL);
	node(a, "nox", S_IFDIR | 0600, NULL);
	node(a, "ro", S_IFDIR | 0500, NULL);
	node(root, "up", S_IFLNK | 0777, "..");
	node(root, "self", S_IFLNK | 0777, ".");
	node(root, "loop", S_IFLNK | 0777, "loop");
	node(root, "l1", S_IFLNK | 0777, "l2/x");
	node(root, "l2", S_IFLNK | 0777, "/l1");
	node(root, "abs", S_IFLNK | 0777, "/a/b");
	node(a, "rel", S_IFLNK | 0777, "b/c");
	node(a, "tofile", S_IFLNK | 0777, "f");
	node(root, "dangling", S_IFLNK | 0777, "nope");
	node(root, "tomnt", S_IFLNK | 0777, "/mnt/x");
	other = node(NULL, "/", S_IFDIR | 0755, NULL);
	node(other, "x", S_IFDIR | 0755, NULL);
	node(other, "back", S_IFLNK | 0777, "../a");
	second = mount(top, m, other);
	third = node(NULL, "/", S_IFDIR | 0755, NULL);
	node(third, "y", S_IFREG | 0644, NULL);
	mount(second, other, third); /* stacked: /mnt is the third's root */
	fs_root = (struct path){ top, root };
	fuzz_fs.pwd = fs_root;
}

static void snapshot(void)
{
	for (size_t i = 0; i < node_count; i++)
		start_d[i] = nodes[i]->d_count;
	for (size_t i = 0; i < mount_count; i++)
		start_mnt[i] = mounts[i].mnt_count;
}

static void check_counts(void)
{
	for (size_t i = 0; i < node_count; i++)
		fuzz_check(nodes[i]->d_count == start_d[i],
			   "a walk gives back every dentry it took");
	for (size_t i = 0; i < mount_count; i++)
		fuzz_check(mounts[i].mnt_count == start_mnt[i],
			   "a walk gives back every mount it took");
}

static bool in_tree(const struct path *p)
{
	bool dentry = false, mnt = false;

	for (size_t i = 0; i < node_count; i++)
		dentry |= nodes[i] == p->dentry;
	for (size_t i = 0; i < mount_count; i++)
		mnt |= &mounts[i] == p->mnt;
	return dentry && mnt;
}

static bool documented(int ret)
{
	return ret == -ENOENT || ret == -ENOTDIR || ret == -ENAMETOOLONG ||
	       ret == -ELOOP || ret == -EACCES;
}

/*
 * Byte 0: bit 0 LOOKUP_FOLLOW, bit 1 LOOKUP_DIRECTORY, bit 2 from /a/b,
 * bit 3 walk_parent() instead; the rest is the name (up to a NUL).
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int flags = size ? data[0] & 3 : 0;
	bool parent = size && (data[0] & 8);
	char *name = fuzz_cstr(size ? data + 1 : data, size ? size - 1 : 0);
	struct qstr last;
	struct path p;
	int ret;

	if (!node_count)
		build_tree();
	fuzz_fs.pwd.dentry = size && (data[0] & 4) ? dir_a_b : fs_root.dentry;
	snapshot();
	ret = parent ? walk_parent(name, &p, &last) :
		       walk_path(name, flags, &p);
	fuzz_check(ret <= 0, "a walk returns 0 or -errno");
	fuzz_check(ret == 0 || documented(ret),
		   "a walk fails only with kern_path()'s errors");
	if (!ret) {
		fuzz_check(in_tree(&p), "a walk ends in the tree");
		if (parent || (flags & LOOKUP_DIRECTORY))
			fuzz_check(S_ISDIR(p.dentry->d_inode->i_mode),
				   "a directory where one was asked for");
		if (parent)
			fuzz_check(last.name >= name &&
					   last.name + last.len <=
						   name + strlen(name),
				   "the last component lies in the name");
		path_put(&p);
	}
	check_counts();
	free(name);
	return 0;
}
