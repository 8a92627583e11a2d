/*
 * sysfs's attribute files and group directories.  A read calls the
 * kobject's show once per open, into a page, and serves the bytes from
 * there; a write hands store a NUL-terminated copy.  Each file's node
 * counts the calls in progress, so that a removal (a module's cleanup)
 * waits for them and the open files' later calls fail with -ENODEV.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

/* Every kobject's sd_files and every node's active and removed. */
static struct mutex sysfs_lock = MUTEX_INITIALIZER(sysfs_lock);
/* Where a removal waits for a node's calls in progress to return. */
static struct wait_queue_head sysfs_drain =
	WAIT_QUEUE_HEAD_INITIALIZER(sysfs_drain);

/* One open of an attribute file. */
struct sysfs_open_file {
	struct sysfs_node *node;
	char *page; /* show's output, made by the first read */
	size_t len;
};

void sysfs_lock_acquire(void)
{
	mutex_lock_at(&sysfs_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

void sysfs_lock_release(void)
{
	mutex_unlock_at(&sysfs_lock, _THIS_IP_);
}

/* A call on @node may start: 0, or -ENODEV once it is removed. */
static int sysfs_active_get(struct sysfs_node *node)
{
	int ret = 0;

	sysfs_lock_acquire();
	if (node->removed)
		ret = -ENODEV;
	else
		node->active++;
	sysfs_lock_release();
	return ret;
}

static void sysfs_active_put(struct sysfs_node *node)
{
	sysfs_lock_acquire();
	if (!--node->active && node->removed)
		wake_up_all(&sysfs_drain);
	sysfs_lock_release();
}

static const struct sysfs_ops *sysfs_ops_of(const struct sysfs_node *node)
{
	return node->kobj->ktype->sysfs_ops;
}

static int sysfs_open(struct inode *inode, struct file *file)
{
	struct sysfs_node *node = inode->i_private;
	struct sysfs_open_file *of;
	const struct sysfs_ops *ops;
	int ret;

	if (!node || sysfs_active_get(node))
		return -ENODEV;
	ops = sysfs_ops_of(node);
	/* As Linux's kernfs: no show or store, no opening for it. */
	ret = -EACCES;
	if ((file->f_mode & FMODE_READ) && (!ops || !ops->show))
		goto out;
	if ((file->f_mode & FMODE_WRITE) && (!ops || !ops->store))
		goto out;
	ret = -ENOMEM;
	of = kzalloc(sizeof(*of), GFP_KERNEL);
	if (!of)
		goto out;
	of->node = node;
	file->private_data = of;
	ret = 0;
out:
	sysfs_active_put(node);
	return ret;
}

/* Call show once: its bytes stay for the reads of this open. */
static int sysfs_fill(struct sysfs_open_file *of)
{
	struct sysfs_node *node = of->node;
	char *page = kzalloc(PAGE_SIZE, GFP_KERNEL);
	ssize_t len;

	if (!page)
		return -ENOMEM;
	len = sysfs_active_get(node);
	if (!len) {
		len = sysfs_ops_of(node)->show(node->kobj,
					       (struct attribute *)node->attr,
					       page);
		sysfs_active_put(node);
	}
	if (len < 0) {
		kfree(page);
		return len;
	}
	if (len >= (ssize_t)PAGE_SIZE) {
		pr_warn("fill_read_buffer: %ps returned bad count\n",
			(void *)sysfs_ops_of(node)->show);
		len = PAGE_SIZE - 1;
	}
	of->page = page;
	of->len = len;
	return 0;
}

static ssize_t sysfs_read(struct file *file, char __user *buf, size_t count,
			  loff_t *pos)
{
	struct sysfs_open_file *of = file->private_data;
	int ret;

	if (!of->page) {
		ret = sysfs_fill(of);
		if (ret)
			return ret;
	}
	return simple_read_from_buffer(buf, count, pos, of->page, of->len);
}

/* store gets at most a page less its NUL, as Linux's. */
static ssize_t sysfs_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *pos)
{
	struct sysfs_open_file *of = file->private_data;
	struct sysfs_node *node = of->node;
	size_t len = MIN(count, PAGE_SIZE - 1);
	char *kbuf = kmalloc(len + 1, GFP_KERNEL);
	ssize_t ret;

	if (!kbuf)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(kbuf, buf, len))
		goto out;
	kbuf[len] = '\0';
	ret = sysfs_active_get(node);
	if (ret)
		goto out;
	ret = sysfs_ops_of(node)->store(node->kobj,
					(struct attribute *)node->attr, kbuf,
					len);
	sysfs_active_put(node);
	if (ret > 0)
		*pos += ret;
out:
	kfree(kbuf);
	return ret;
}

static int sysfs_release(struct inode *inode, struct file *file)
{
	struct sysfs_open_file *of = file->private_data;

	kfree(of->page);
	kfree(of);
	return 0;
}

static const struct file_operations sysfs_file_operations = {
	.open = sysfs_open,
	.read = sysfs_read,
	.write = sysfs_write,
	.llseek = default_llseek,
	.release = sysfs_release,
};

/* Make @name in @dir, then give its inode @node (its eviction frees it). */
static int sysfs_add_node(struct sysfs_node *node, struct dentry *dir,
			  const char *name, umode_t mode)
{
	const struct file_operations *fops =
		S_ISDIR(mode) ? NULL : &sysfs_file_operations;
	int ret = simple_create_node(dir, name, mode, 0, fops, NULL,
				     &node->dentry);

	if (ret) {
		if (ret == -EEXIST)
			pr_warn("sysfs: cannot create duplicate filename '%s/%s'\n",
				kobject_name(node->kobj), name);
		kfree(node);
		return ret;
	}
	vfs_lock_acquire();
	node->dentry->d_inode->i_private = node;
	if (!S_ISDIR(mode))
		node->dentry->d_inode->i_size = PAGE_SIZE; /* as Linux shows */
	vfs_lock_release();
	sysfs_lock_acquire();
	list_add_tail(&node->list, &node->kobj->sd_files);
	sysfs_lock_release();
	return 0;
}

static struct sysfs_node *sysfs_new_node(struct kobject *kobj,
					 const struct attribute *attr,
					 const struct attribute_group *grp)
{
	struct sysfs_node *node = kzalloc(sizeof(*node), GFP_KERNEL);

	if (node) {
		node->kobj = kobj;
		node->attr = attr;
		node->grp = grp;
	}
	return node;
}

int sysfs_add_file(struct kobject *kobj, struct dentry *dir,
		   const struct attribute *attr, umode_t mode,
		   const struct attribute_group *grp, struct sysfs_node **out)
{
	struct sysfs_node *node;
	int ret;

	if (!dir)
		return -ENOENT;
	node = sysfs_new_node(kobj, attr, grp);
	if (!node)
		return -ENOMEM;
	ret = sysfs_add_node(node, dir, attr->name, S_IFREG | (mode & 0777));
	if (!ret && out)
		*out = node;
	return ret;
}

int sysfs_add_dir(struct kobject *kobj, const struct attribute_group *grp,
		  struct sysfs_node **out)
{
	struct sysfs_node *node;
	int ret;

	if (!kobj->sd)
		return -ENOENT;
	node = sysfs_new_node(kobj, NULL, grp);
	if (!node)
		return -ENOMEM;
	ret = sysfs_add_node(node, kobj->sd, grp->name, S_IFDIR | 0755);
	if (!ret && out)
		*out = node;
	return ret;
}

void sysfs_unlist(struct sysfs_node *node)
{
	list_del(&node->list);
	node->removed = true;
}

void sysfs_kill(struct sysfs_node *node)
{
	wait_event(sysfs_drain, !READ_ONCE(node->active));
	simple_remove(node->dentry); /* may free @node */
}

/*
 * Take the first node of @kobj's that @grp made (any group if @any) and
 * that is a file (@files) or a directory, off the list: NULL if none.
 */
static struct sysfs_node *sysfs_take(struct kobject *kobj,
				     const struct attribute_group *grp,
				     bool any, bool files)
{
	struct sysfs_node *node, *found = NULL;

	sysfs_lock_acquire();
	list_for_each_entry(node, &kobj->sd_files, list)
		if ((any || node->grp == grp) && !node->attr == !files) {
			found = node;
			sysfs_unlist(node);
			break;
		}
	sysfs_lock_release();
	return found;
}

void sysfs_remove_all(struct kobject *kobj)
{
	struct sysfs_node *node;

	while ((node = sysfs_take(kobj, NULL, true, true)))
		sysfs_kill(node);
	while ((node = sysfs_take(kobj, NULL, true, false)))
		sysfs_kill(node);
}

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
	if (!kobj || !attr)
		return -EINVAL;
	return sysfs_add_file(kobj, kobj->sd, attr, attr->mode, NULL, NULL);
}
EXPORT_SYMBOL(sysfs_create_file);

void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
	struct sysfs_node *node, *found = NULL;

	sysfs_lock_acquire();
	list_for_each_entry(node, &kobj->sd_files, list)
		if (node->attr == attr && !node->grp) {
			found = node;
			sysfs_unlist(node);
			break;
		}
	sysfs_lock_release();
	if (found)
		sysfs_kill(found);
}
EXPORT_SYMBOL(sysfs_remove_file);
