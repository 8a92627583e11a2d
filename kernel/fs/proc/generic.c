/*
 * Making and removing /proc entries: each is a struct proc_dir_entry in
 * its parent's list and a node of procfs's tree (libfs), made with the
 * proc_reg file operations and the entry as the inode's i_private.
 * Removal takes the names away first, then waits out the calls in
 * progress, so nothing calls a module's proc_ops after its exit.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <linux/bug.h>
#include "internal.h"

static void subdir_lock(void)
{
	mutex_lock_at(&proc_subdir_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

static void subdir_unlock(void)
{
	mutex_unlock_at(&proc_subdir_lock, _THIS_IP_);
}

/* @dir's child called @name (@len bytes), or NULL.  Under the lock. */
static struct proc_dir_entry *pde_child(struct proc_dir_entry *dir,
					const char *name, size_t len)
{
	struct proc_dir_entry *de;

	list_for_each_entry(de, &dir->subdir, subdir_node)
		if (strlen(de->name) == len && !memcmp(de->name, name, len))
			return de;
	return NULL;
}

/*
 * "a/b/c" below *@parent: the directory "a/b" in *@parent and "c" in
 * *@last, as Linux's xlate_proc_name().  0 or -ENOENT.  Under the lock.
 */
static int pde_walk(struct proc_dir_entry **parent, const char *name,
		    const char **last)
{
	const char *slash;

	if (!*parent)
		*parent = &proc_root;
	while ((slash = strchr(name, '/'))) {
		*parent = pde_child(*parent, name, slash - name);
		if (!*parent || !S_ISDIR((*parent)->mode))
			return -ENOENT;
		name = slash + 1;
	}
	*last = name;
	return 0;
}

/* Put @de in @parent's list and procfs's tree.  Under the lock. */
static int pde_register(struct proc_dir_entry *parent,
			struct proc_dir_entry *de)
{
	bool file = S_ISREG(de->mode);
	void *data = S_ISLNK(de->mode) ? de->data : file ? de : NULL;
	int err;

	if (parent->removing || !parent->dentry)
		return -ENOENT;
	err = simple_create_node(parent->dentry, de->name, de->mode, 0,
				 file ? &proc_reg_file_ops : NULL, data,
				 &de->dentry);
	if (err)
		return err;
	if (file)
		refcount_inc(&de->refcnt); /* the inode's */
	de->parent = parent;
	list_add_tail(&de->subdir_node, &parent->subdir);
	return 0;
}

/* A new entry like @tmpl called @name below @parent, or NULL (logged). */
static struct proc_dir_entry *proc_add(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       const struct proc_dir_entry *tmpl)
{
	struct proc_dir_entry *de = NULL;
	const char *last;
	int err;

	subdir_lock();
	err = pde_walk(&parent, name, &last);
	if (!err && (!*last || strlen(last) > NAME_MAX))
		err = -EINVAL;
	if (!err)
		de = kzalloc(sizeof(*de) + strlen(last) + 1, GFP_KERNEL);
	if (!err && !de)
		err = -ENOMEM;
	if (!err) {
		*de = *tmpl;
		strcpy(de->name, last);
		de->mode = mode;
		refcount_set(&de->refcnt, 1); /* the tree's */
		de->gone_err = -EIO;
		INIT_LIST_HEAD(&de->subdir);
		INIT_LIST_HEAD(&de->openers);
		err = pde_register(parent, de);
	}
	subdir_unlock();
	if (err == -EEXIST)
		WARN(1, "proc_dir_entry '%s/%s' already registered\n",
		     parent->name, last);
	else if (err)
		pr_err("proc: cannot create '%s': error %d\n", name, err);
	if (err) {
		kfree(de);
		return NULL;
	}
	return de;
}

/* A file's mode: regular unless told, readable by all unless told. */
static umode_t proc_file_mode(umode_t mode)
{
	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (!(mode & 07777))
		mode |= 0444;
	return mode;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data)
{
	struct proc_dir_entry tmpl = { .proc_ops = proc_ops, .data = data };

	return proc_add(name, proc_file_mode(mode), parent, &tmpl);
}
EXPORT_SYMBOL(proc_create_data);

struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops)
{
	return proc_create_data(name, mode, parent, proc_ops, NULL);
}
EXPORT_SYMBOL(proc_create);

struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       const struct seq_operations *ops,
					       unsigned int state_size,
					       void *data)
{
	struct proc_dir_entry tmpl = { .seq_ops = ops,
				       .state_size = state_size,
				       .data = data };

	return proc_add(name, proc_file_mode(mode), parent, &tmpl);
}
EXPORT_SYMBOL(proc_create_seq_private);

struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *, void *), void *data)
{
	struct proc_dir_entry tmpl = { .single_show = show, .data = data };

	return proc_add(name, proc_file_mode(mode), parent, &tmpl);
}
EXPORT_SYMBOL(proc_create_single_data);

struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       void *data)
{
	struct proc_dir_entry tmpl = { .data = data };

	if (!(mode & 07777))
		mode |= 0555;
	return proc_add(name, S_IFDIR | (mode & 07777), parent, &tmpl);
}
EXPORT_SYMBOL(proc_mkdir_data);

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, mode, parent, NULL);
}
EXPORT_SYMBOL(proc_mkdir_mode);

struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent)
{
	return proc_mkdir_data(name, 0, parent, NULL);
}
EXPORT_SYMBOL(proc_mkdir);

struct proc_dir_entry *
proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest)
{
	struct proc_dir_entry tmpl = { .data = (void *)dest };

	return proc_add(name, S_IFLNK | 0777, parent, &tmpl);
}
EXPORT_SYMBOL(proc_symlink);

/* excerpt: pde-remove */
/*
 * Take @de (already out of its parent's list) and its children away:
 * children first, each name out of the tree before its calls are waited
 * out, then the tree's reference dropped.
 */
static void pde_remove(struct proc_dir_entry *de)
{
	struct proc_dir_entry *child;

	for (;;) {
		subdir_lock();
		child = list_first_entry_or_null(&de->subdir,
						 struct proc_dir_entry,
						 subdir_node);
		if (child)
			list_del(&child->subdir_node);
		else
			de->removing = true; /* no new children */
		subdir_unlock();
		if (!child)
			break;
		pde_remove(child);
	}
	simple_remove(de->dentry);
	if (S_ISREG(de->mode))
		proc_entry_drain(de);
	pde_put(de);
}

void proc_remove(struct proc_dir_entry *de)
{
	if (!de || de == &proc_root)
		return;
	subdir_lock();
	list_del(&de->subdir_node);
	subdir_unlock();
	pde_remove(de);
}
EXPORT_SYMBOL(proc_remove);
/* excerpt-end: pde-remove */

/* Take @name below @parent out of its list: the entry, or NULL. */
static struct proc_dir_entry *pde_unlink(const char *name,
					 struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = NULL;
	const char *last;

	subdir_lock();
	if (!pde_walk(&parent, name, &last))
		de = pde_child(parent, last, strlen(last));
	if (de)
		list_del(&de->subdir_node);
	subdir_unlock();
	return de;
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = pde_unlink(name, parent), *child;

	if (!de) {
		WARN(1, "name '%s'\n", name);
		return;
	}
	child = list_first_entry_or_null(&de->subdir, struct proc_dir_entry,
					 subdir_node);
	/* Linux leaks the children; Sprout takes them away with it. */
	if (child)
		WARN(1,
		     "%s: removing non-empty directory '%s/%s', and '%s' with it\n",
		     __func__, de->parent->name, de->name, child->name);
	pde_remove(de);
}
EXPORT_SYMBOL(remove_proc_entry);

int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
	struct proc_dir_entry *de = pde_unlink(name, parent);

	if (!de)
		return -ENOENT;
	pde_remove(de);
	return 0;
}
EXPORT_SYMBOL(remove_proc_subtree);

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
	if (de->dentry && de->dentry->d_inode)
		de->dentry->d_inode->i_size = size;
}
EXPORT_SYMBOL(proc_set_size);
