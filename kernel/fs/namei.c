/*
 * The path walk: a name, absolute or relative to the thread's working
 * directory, cut into components and looked up one directory at a time,
 * crossing mounts, going up by ".." (never above the root) and following
 * symbolic links (at most MAXSYMLINKS in one walk).  Errors are Linux's.
 * Everything here runs under vfs_lock.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/sched.h>
#include <kernel/string.h>

struct nameidata {
	struct path path;   /* where the walk is; referenced */
	unsigned int links; /* symbolic links followed so far */
};

static int walk_components(struct nameidata *nd, const char *name,
			   unsigned int flags, struct qstr *last);

int may_access(const struct inode *inode, umode_t mask)
{
	return (inode->i_mode & mask) == mask ? 0 : -EACCES;
}

/* current's working directory, or the root (no reference taken). */
static struct path *current_pwd(void)
{
	return current->fs ? &current->fs->pwd : &fs_root;
}

static void nd_move(struct nameidata *nd, struct vfsmount *mnt,
		    struct dentry *dentry)
{
	struct path old = nd->path;

	nd->path.mnt = mnt;
	nd->path.dentry = dentry;
	path_get(&nd->path);
	path_put(&old);
}

/* Start at the root for "/...", else at the working directory. */
static int walk_start(struct nameidata *nd, const char *name)
{
	size_t len = strnlen(name, PATH_MAX);

	if (len == PATH_MAX)
		return -ENAMETOOLONG;
	if (!len)
		return -ENOENT;
	nd->path = name[0] == '/' ? fs_root : *current_pwd();
	nd->links = 0;
	path_get(&nd->path);
	return 0;
}

/* excerpt: follow-mount */
/* Down into whatever is mounted on @p, however many mounts deep. */
static void follow_mount(struct path *p)
{
	struct vfsmount *mnt;

	while ((mnt = lookup_mnt(p))) {
		p->mnt = mnt;
		p->dentry = mnt->mnt_root;
	}
}
/* excerpt-end: follow-mount */

/* excerpt: follow-dotdot */
/* lab: 14 follow-dotdot */
/* "..": up one, leaving a mount by its mount point; the root stays. */
static void follow_dotdot(struct nameidata *nd)
{
	struct vfsmount *mnt = nd->path.mnt;
	struct dentry *d = nd->path.dentry;

	while (d == mnt->mnt_root && mnt->mnt_parent != mnt) {
		d = mnt->mnt_mountpoint;
		mnt = mnt->mnt_parent;
	}
	nd_move(nd, mnt, d->d_parent);
}
/* lab-end: 14 follow-dotdot */
/* excerpt-end: follow-dotdot */

static bool is_dot(const struct qstr *c)
{
	return c->len == 1 && c->name[0] == '.';
}

static bool is_dotdot(const struct qstr *c)
{
	return c->len == 2 && c->name[0] == '.' && c->name[1] == '.';
}

/* excerpt: walk-step */
/* Take one step, @c, from the directory the walk is at. */
static int walk_step(struct nameidata *nd, const struct qstr *c, bool follow)
{
	struct inode *dir = nd->path.dentry->d_inode;
	struct path next;
	int ret;

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	ret = may_access(dir, S_IXUSR);
	if (ret || is_dot(c))
		return ret;
	if (is_dotdot(c)) {
		follow_dotdot(nd);
		return 0;
	}
	next.mnt = nd->path.mnt;
	next.dentry = d_lookup(nd->path.dentry, c);
	if (!next.dentry)
		return -ENOENT;
	follow_mount(&next);
	if (follow && S_ISLNK(next.dentry->d_inode->i_mode)) {
		const char *target = next.dentry->d_inode->i_link;

		if (++nd->links > MAXSYMLINKS)
			return -ELOOP;
		if (target[0] == '/')
			nd_move(nd, fs_root.mnt, fs_root.dentry);
		return walk_components(nd, target, LOOKUP_FOLLOW, NULL);
	}
	nd_move(nd, next.mnt, next.dentry);
	return 0;
}
/* excerpt-end: walk-step */

/*
 * Walk each component of @name from nd->path.  With @last, stop before
 * the final one and give it there instead (len 0 if there is none).
 */
static int walk_components(struct nameidata *nd, const char *name,
			   unsigned int flags, struct qstr *last)
{
	bool is_last, slash;
	struct qstr c;
	int ret;

	for (;;) {
		while (*name == '/')
			name++;
		c.name = name;
		while (*name && *name != '/')
			name++;
		c.len = name - c.name;
		if (c.len > NAME_MAX)
			return -ENAMETOOLONG;
		slash = *name == '/';
		while (*name == '/')
			name++;
		is_last = !*name;
		if (is_last && last) {
			*last = c;
			return 0;
		}
		if (c.len) {
			ret = walk_step(nd, &c,
					!is_last || slash ||
						(flags & LOOKUP_FOLLOW));
			if (ret)
				return ret;
		}
		if (is_last)
			break;
	}
	if ((slash || (flags & LOOKUP_DIRECTORY)) &&
	    !S_ISDIR(nd->path.dentry->d_inode->i_mode))
		return -ENOTDIR;
	return 0;
}

int walk_path(const char *name, unsigned int flags, struct path *path)
{
	struct nameidata nd;
	int ret = walk_start(&nd, name);

	if (ret)
		return ret;
	ret = walk_components(&nd, name, flags, NULL);
	if (ret) {
		path_put(&nd.path);
		return ret;
	}
	*path = nd.path;
	return 0;
}

int walk_parent(const char *name, struct path *parent, struct qstr *last)
{
	struct nameidata nd;
	int ret = walk_start(&nd, name);

	if (ret)
		return ret;
	ret = walk_components(&nd, name, 0, last);
	if (!ret && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		ret = -ENOTDIR;
	if (ret) {
		path_put(&nd.path);
		return ret;
	}
	*parent = nd.path;
	return 0;
}

int kern_path(const char *name, unsigned int flags, struct path *path)
{
	int ret;

	vfs_lock_acquire();
	ret = walk_path(name, flags, path);
	vfs_lock_release();
	return ret;
}
EXPORT_SYMBOL(kern_path);
