/*
 * debugfs's calls in progress: each file's count of them, the removal
 * that waits for them, and the proxy that wraps each call of a file's own
 * operations (Linux's full_proxy_fops), so that a module's cleanup can
 * remove its files while someone has them open.
 */
#include "internal.h"
#include "../internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/module.h>
#include <kernel/mutex.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <linux/err.h>

/* Every file's active and removed; taken before vfs_lock, never under. */
static struct mutex debugfs_lock = MUTEX_INITIALIZER(debugfs_lock);
/* Calls in progress on removed files; removals wait for it to be 0. */
static int debugfs_draining;
static struct wait_queue_head debugfs_drain =
	WAIT_QUEUE_HEAD_INITIALIZER(debugfs_drain);

int debugfs_file_get(struct dentry *dentry)
{
	struct debugfs_fsdata *fsd = dentry->d_fsdata;
	int ret = 0;

	mutex_lock_at(&debugfs_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	if (!fsd || fsd->removed)
		ret = -EIO;
	else
		fsd->active++;
	mutex_unlock_at(&debugfs_lock, _THIS_IP_);
	return ret;
}
EXPORT_SYMBOL(debugfs_file_get);

void debugfs_file_put(struct dentry *dentry)
{
	struct debugfs_fsdata *fsd = dentry->d_fsdata;

	mutex_lock_at(&debugfs_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	fsd->active--;
	if (fsd->removed && !--debugfs_draining)
		wake_up_all(&debugfs_drain);
	mutex_unlock_at(&debugfs_lock, _THIS_IP_);
}
EXPORT_SYMBOL(debugfs_file_put);

/* Under debugfs_lock and vfs_lock: @d and all under it start no call. */
static bool debugfs_mark_removed(struct dentry *d, void *arg)
{
	struct debugfs_fsdata *fsd = d->d_fsdata;

	if (fsd && !fsd->removed) {
		fsd->removed = true;
		debugfs_draining += fsd->active;
	}
	if (d->d_inode && S_ISDIR(d->d_inode->i_mode))
		dtree_walk(d->d_children, 0, debugfs_mark_removed, arg);
	return true;
}

void debugfs_deactivate(struct dentry *d)
{
	mutex_lock_at(&debugfs_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	vfs_lock_acquire();
	debugfs_mark_removed(d, NULL);
	vfs_lock_release();
	mutex_unlock_at(&debugfs_lock, _THIS_IP_);
	wait_event(debugfs_drain, !READ_ONCE(debugfs_draining));
}

static const struct file_operations *real_fops(struct file *file)
{
	struct debugfs_fsdata *fsd = file->f_path.dentry->d_fsdata;

	return fsd->real_fops;
}

struct owner_search {
	uintptr_t code;
	struct module *found;
};

static void owner_match(struct module *mod, void *arg)
{
	struct owner_search *s = arg;

	if (module_text_contains(mod, s->code))
		s->found = mod;
}

/*
 * The module whose code @fops calls: its .owner, or else the module
 * holding its first function.  THIS_MODULE is no constant in Sprout, so
 * a module's static fops cannot name it; without this, rmmod with a file
 * open would leave the release to call freed code.
 */
static struct module *real_owner(const struct file_operations *fops)
{
	void *fns[] = { fops->open,    fops->read,   fops->write,
			fops->release, fops->llseek, fops->unlocked_ioctl };
	struct owner_search s = { 0, NULL };

	if (fops->owner)
		return fops->owner;
	for (size_t i = 0; i < ARRAY_SIZE(fns) && !s.code; i++)
		s.code = (uintptr_t)fns[i];
	if (s.code)
		module_for_each(owner_match, &s);
	return s.found;
}

/* The real operations' module is held from open to the last close. */
static int full_proxy_open(struct inode *inode, struct file *file)
{
	struct dentry *d = file->f_path.dentry;
	const struct file_operations *real = real_fops(file);
	struct module *owner = real_owner(real);
	int ret = debugfs_file_get(d);

	if (ret)
		return ret;
	if (!try_module_get(owner)) {
		ret = -ENXIO; /* its module is going away */
	} else if (real->open) {
		ret = real->open(inode, file);
		if (ret)
			module_put(owner);
	}
	debugfs_file_put(d);
	return ret;
}

static int full_proxy_release(struct inode *inode, struct file *file)
{
	const struct file_operations *real = real_fops(file);
	struct module *owner = real_owner(real);
	int ret = real->release ? real->release(inode, file) : 0;

	module_put(owner);
	return ret;
}

/* One wrapped call: -EIO once the file is removed, as Linux's. */
#define PROXY_CALL(file, ret_type, none, call)                        \
	do {                                                          \
		struct dentry *__d = (file)->f_path.dentry;           \
		const struct file_operations *real = real_fops(file); \
		ret_type __ret;                                       \
		if (!(none))                                          \
			return -EINVAL;                               \
		if (debugfs_file_get(__d))                            \
			return -EIO;                                  \
		__ret = (call);                                       \
		debugfs_file_put(__d);                                \
		return __ret;                                         \
	} while (0)

static ssize_t full_proxy_read(struct file *file, char __user *buf,
			       size_t count, loff_t *pos)
{
	PROXY_CALL(file, ssize_t, real->read,
		   real->read(file, buf, count, pos));
}

static ssize_t full_proxy_write(struct file *file, const char __user *buf,
				size_t count, loff_t *pos)
{
	PROXY_CALL(file, ssize_t, real->write,
		   real->write(file, buf, count, pos));
}

static loff_t full_proxy_llseek(struct file *file, loff_t offset, int whence)
{
	PROXY_CALL(file, loff_t, real->llseek,
		   real->llseek(file, offset, whence));
}

static long full_proxy_unlocked_ioctl(struct file *file, unsigned int cmd,
				      unsigned long arg)
{
	PROXY_CALL(file, long, real->unlocked_ioctl,
		   real->unlocked_ioctl(file, cmd, arg));
}

const struct file_operations debugfs_full_proxy_fops = {
	.open = full_proxy_open,
	.release = full_proxy_release,
	.read = full_proxy_read,
	.write = full_proxy_write,
	.llseek = full_proxy_llseek,
	.unlocked_ioctl = full_proxy_unlocked_ioctl,
};

ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len,
			  loff_t *ppos)
{
	struct dentry *d = file->f_path.dentry;
	ssize_t ret = debugfs_file_get(d);

	if (ret)
		return ret;
	ret = simple_attr_read(file, buf, len, ppos);
	debugfs_file_put(d);
	return ret;
}
EXPORT_SYMBOL(debugfs_attr_read);

ssize_t debugfs_attr_write(struct file *file, const char __user *buf,
			   size_t len, loff_t *ppos)
{
	struct dentry *d = file->f_path.dentry;
	ssize_t ret = debugfs_file_get(d);

	if (ret)
		return ret;
	ret = simple_attr_write(file, buf, len, ppos);
	debugfs_file_put(d);
	return ret;
}
EXPORT_SYMBOL(debugfs_attr_write);
