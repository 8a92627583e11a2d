/*
 * What the VFS's own files share: the sorted tree of a directory's
 * children (dtree.c, pure: no locks, no allocation) and the walk's and
 * mount table's inner steps.
 */
#ifndef KERNEL_FS_INTERNAL_H
#define KERNEL_FS_INTERNAL_H

#include <kernel/fs.h>

/* The root of the name space: the first mount, which namespace.c makes. */
extern struct path fs_root;
/* Every mount, the root's first, each by mnt_list (under vfs_lock). */
extern struct list_head mount_table;

/*
 * dtree_find - the dentry in the tree at @root called @name, or NULL.
 * dtree_insert - put @d in the tree (no other of its name may be there).
 * dtree_erase - take @d out.  dtree_walk - call @fn on each from the
 * @skip'th in name order until it returns false; returns the position
 * it stopped at.  All O(log n) but the walk; none allocates or locks.
 */
struct dentry *dtree_find(struct dentry *root, const struct qstr *name);
void dtree_insert(struct dentry **root, struct dentry *d);
void dtree_erase(struct dentry **root, struct dentry *d);
typedef bool (*dtree_fn)(struct dentry *d, void *arg);
unsigned long dtree_walk(struct dentry *root, unsigned long skip, dtree_fn fn,
			 void *arg);

/* mnt_get/mnt_put - count a user of a mount.  Under vfs_lock. */
static inline void mnt_get(struct vfsmount *mnt)
{
	mnt->mnt_count++;
}

static inline void mnt_put(struct vfsmount *mnt)
{
	mnt->mnt_count--;
}

/*
 * lookup_mnt - the mount on @path's dentry through @path's mount, or
 * NULL.  Under vfs_lock.
 */
struct vfsmount *lookup_mnt(const struct path *path);

/*
 * walk_parent - walk all of @name but its last component to @parent
 * (referenced) and give that component in @last (pointing into @name);
 * "." or ".." or nothing at the end is -EINVAL for creation, as Linux.
 * may_access - can @inode be used for @mask (S_IRUSR/S_IWUSR/S_IXUSR),
 * the owner's bits deciding: 0 or -EACCES.  Under vfs_lock.
 */
int walk_parent(const char *name, struct path *parent, struct qstr *last);
int walk_path(const char *name, unsigned int flags, struct path *path);
int may_access(const struct inode *inode, umode_t mask);

/* is_dots - is @c ".", ".." or empty (the end of "/" or "a/")? */
static inline bool is_dots(const struct qstr *c)
{
	return !c->len || (c->name[0] == '.' &&
			   (c->len == 1 || (c->len == 2 && c->name[1] == '.')));
}

/*
 * create_in - make @last in @parent: a directory, a symbolic link to
 * @target or a regular file, by S_IFMT of @mode; with @out, give the new
 * dentry referenced.  0, -EEXIST, -EACCES, -ENOENT (@parent removed),
 * -ENOMEM or the file system's error.  Under vfs_lock.
 */
int create_in(struct path *parent, const struct qstr *last, umode_t mode,
	      const char *target, struct dentry **out);

/*
 * Inodes and files in no directory (anon_inodes.c).  anon_new_inode - an
 * inode of mode @mode with one reference, or NULL; anon_iput - drop one.
 * anon_file_alloc - an open file of @inode (which it holds) called @name,
 * with @fops (got) and O_* @flags; no ->open is called.  0 or -ENOMEM.
 * None may be called under vfs_lock.
 */
struct inode *anon_new_inode(umode_t mode);
void anon_iput(struct inode *inode);
int anon_file_alloc(struct inode *inode, const char *name, int flags,
		    const struct file_operations *fops, struct file **out);

#endif
