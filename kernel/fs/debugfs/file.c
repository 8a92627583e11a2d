/*
 * debugfs's file operations: the proxy that wraps each call of a file's
 * own operations so that its removal can wait for it (Linux's
 * full_proxy_fops), and the files of one variable that
 * debugfs_create_u32() and friends make.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>
#include <linux/err.h>

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

/*
 * One type: its get and set, its read-write, read-only and write-only
 * file operations, and debugfs_create_<name>, which picks by @mode.
 */
#define DEBUGFS_NUMBER(name, type, fmt)                                        \
	static int debugfs_##name##_get(void *data, uint64_t *val)             \
	{                                                                      \
		*val = *(type *)data;                                          \
		return 0;                                                      \
	}                                                                      \
	static int debugfs_##name##_set(void *data, uint64_t val)              \
	{                                                                      \
		*(type *)data = (type)val;                                     \
		return 0;                                                      \
	}                                                                      \
	DEFINE_DEBUGFS_ATTRIBUTE(fops_##name, debugfs_##name##_get,            \
				 debugfs_##name##_set, fmt);                   \
	DEFINE_DEBUGFS_ATTRIBUTE(fops_##name##_ro, debugfs_##name##_get, NULL, \
				 fmt);                                         \
	DEFINE_DEBUGFS_ATTRIBUTE(fops_##name##_wo, NULL, debugfs_##name##_set, \
				 fmt);                                         \
	void debugfs_create_##name(const char *fname, umode_t mode,            \
				   struct dentry *parent, type *value)         \
	{                                                                      \
		debugfs_create_mode(fname, mode, parent, value, &fops_##name,  \
				    &fops_##name##_ro, &fops_##name##_wo);     \
	}                                                                      \
	EXPORT_SYMBOL(debugfs_create_##name)

/* Linux's debugfs_create_mode_unsafe(): the operations the mode allows. */
static void debugfs_create_mode(const char *name, umode_t mode,
				struct dentry *parent, void *value,
				const struct file_operations *rw,
				const struct file_operations *ro,
				const struct file_operations *wo)
{
	const struct file_operations *fops = rw;

	if (!(mode & 0222))
		fops = ro;
	else if (!(mode & 0444))
		fops = wo;
	debugfs_create_file_unsafe(name, mode, parent, value, fops);
}

DEBUGFS_NUMBER(u8, uint8_t, "%llu\n");
DEBUGFS_NUMBER(u16, uint16_t, "%llu\n");
DEBUGFS_NUMBER(u32, uint32_t, "%llu\n");
DEBUGFS_NUMBER(u64, uint64_t, "%llu\n");
DEBUGFS_NUMBER(x8, uint8_t, "0x%02llx\n");
DEBUGFS_NUMBER(x16, uint16_t, "0x%04llx\n");
DEBUGFS_NUMBER(x32, uint32_t, "0x%08llx\n");
DEBUGFS_NUMBER(x64, uint64_t, "0x%016llx\n");

static ssize_t bool_read(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	struct dentry *d = file->f_path.dentry;
	char text[2] = { 'N', '\n' };
	ssize_t ret = debugfs_file_get(d);

	if (ret)
		return ret;
	if (*(bool *)file->private_data)
		text[0] = 'Y';
	debugfs_file_put(d);
	return simple_read_from_buffer(buf, count, ppos, text, sizeof(text));
}

/* kstrtobool's rules: the first character decides. */
static ssize_t bool_write(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	struct dentry *d = file->f_path.dentry;
	struct kernel_param kp = { .name = "bool" };
	char text[8] = { 0 };
	bool v;
	ssize_t ret;

	if (copy_from_user(text, buf, MIN(count, sizeof(text) - 1)))
		return -EFAULT;
	kp.arg = &v;
	if (param_set_bool(text, &kp))
		return -EINVAL;
	ret = debugfs_file_get(d);
	if (ret)
		return ret;
	*(bool *)file->private_data = v;
	debugfs_file_put(d);
	return count;
}

static const struct file_operations fops_bool = {
	.open = simple_open,
	.read = bool_read,
	.write = bool_write,
	.llseek = default_llseek,
};

void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent,
			 bool *value)
{
	debugfs_create_file_unsafe(name, mode, parent, value, &fops_bool);
}
EXPORT_SYMBOL(debugfs_create_bool);

static ssize_t blob_read(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	struct debugfs_blob_wrapper *blob = file->private_data;
	struct dentry *d = file->f_path.dentry;
	ssize_t ret = debugfs_file_get(d);

	if (ret)
		return ret;
	ret = simple_read_from_buffer(buf, count, ppos, blob->data, blob->size);
	debugfs_file_put(d);
	return ret;
}

static const struct file_operations fops_blob = {
	.open = simple_open,
	.read = blob_read,
	.llseek = default_llseek,
};

struct dentry *debugfs_create_blob(const char *name, umode_t mode,
				   struct dentry *parent,
				   struct debugfs_blob_wrapper *blob)
{
	return debugfs_create_file_unsafe(name, mode & 0444, parent, blob,
					  &fops_blob);
}
EXPORT_SYMBOL(debugfs_create_blob);
