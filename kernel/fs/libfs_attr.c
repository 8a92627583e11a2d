/*
 * simple_attr: a file that holds one number, read and written as text
 * through a get and a set function (Linux's DEFINE_SIMPLE_ATTRIBUTE), the
 * way debugfs's u8..u64 files and many drivers' knobs are made.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

#define SIMPLE_ATTR_BUF 24 /* a u64 in decimal, a sign and a newline */

struct simple_attr {
	int (*get)(void *data, uint64_t *val);
	int (*set)(void *data, uint64_t val);
	char get_buf[SIMPLE_ATTR_BUF];
	char set_buf[SIMPLE_ATTR_BUF];
	void *data;
	const char *fmt;
	struct mutex mutex; /* the buffers, between this file's calls */
};

int simple_attr_open(struct inode *inode, struct file *file,
		     int (*get)(void *, uint64_t *),
		     int (*set)(void *, uint64_t), const char *fmt)
{
	struct simple_attr *attr = kzalloc(sizeof(*attr), GFP_KERNEL);

	if (!attr)
		return -ENOMEM;
	attr->get = get;
	attr->set = set;
	attr->data = inode->i_private;
	attr->fmt = fmt;
	mutex_init_named(&attr->mutex, "simple_attr");
	file->private_data = attr;
	return 0;
}
EXPORT_SYMBOL(simple_attr_open);

int simple_attr_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}
EXPORT_SYMBOL(simple_attr_release);

/* A read from position 0 asks get again; a later one goes on with it. */
ssize_t simple_attr_read(struct file *file, char __user *buf, size_t len,
			 loff_t *ppos)
{
	struct simple_attr *attr = file->private_data;
	uint64_t val;
	ssize_t ret = 0;

	if (!attr->get)
		return -EACCES;
	mutex_lock_at(&attr->mutex, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	if (!*ppos) {
		ret = attr->get(attr->data, &val);
		if (!ret)
			scnprintf(attr->get_buf, sizeof(attr->get_buf),
				  attr->fmt, (unsigned long long)val);
	}
	if (!ret)
		ret = simple_read_from_buffer(buf, len, ppos, attr->get_buf,
					      strlen(attr->get_buf));
	mutex_unlock_at(&attr->mutex, _THIS_IP_);
	return ret;
}
EXPORT_SYMBOL(simple_attr_read);

/* On success the whole input is claimed, as Linux's. */
ssize_t simple_attr_write(struct file *file, const char __user *buf, size_t len,
			  loff_t *ppos)
{
	struct simple_attr *attr = file->private_data;
	size_t size = MIN(sizeof(attr->set_buf) - 1, len);
	unsigned long long val;
	ssize_t ret;

	if (!attr->set)
		return -EACCES;
	mutex_lock_at(&attr->mutex, TASK_UNINTERRUPTIBLE, _THIS_IP_);
	ret = -EFAULT;
	if (copy_from_user(attr->set_buf, buf, size))
		goto out;
	attr->set_buf[size] = '\0';
	ret = kstrtoull(attr->set_buf, 0, &val);
	if (!ret)
		ret = attr->set(attr->data, val);
	if (!ret)
		ret = len;
out:
	mutex_unlock_at(&attr->mutex, _THIS_IP_);
	return ret;
}
EXPORT_SYMBOL(simple_attr_write);
