/*
 * debugfs's files of one variable: debugfs_create_u8() ... u64, x8 ...
 * x64 over simple_attr, a bool read as Y or N, and a read-only blob, each
 * of whose calls waits out a removal as every debugfs file's does.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/moduleparam.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

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
