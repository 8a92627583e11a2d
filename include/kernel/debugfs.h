/*
 * debugfs: files a driver or module makes for a developer to read and
 * poke at, mounted on /sys/kernel/debug, with Linux's API.  Its calls
 * return the new dentry or an ERR_PTR; a NULL or ERR_PTR parent is
 * accepted (NULL: the root; an error: passed on), so a caller need not
 * check each step.  Removal waits for calls in progress on the files
 * removed, and their open files' later calls fail with -EIO.
 */
#ifndef KERNEL_DEBUGFS_H
#define KERNEL_DEBUGFS_H

#include <kernel/fs.h>
#include <kernel/types.h>

/* A block of bytes shown read-only by debugfs_create_blob(). */
struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

/*
 * debugfs_create_file - a file @name of @mode in @parent whose calls go
 * to @fops, with i_private @data (simple_open() gives it to
 * private_data).  Each call is wrapped so that a removal waits for it.
 * The dentry, or ERR_PTR(-EEXIST, -ENOENT, -ENOMEM, ...).
 * debugfs_create_file_unsafe - the same without the wrapping, for @fops
 * that call debugfs_file_get()/put() themselves (DEFINE_DEBUGFS_ATTRIBUTE).
 * debugfs_create_file_size - debugfs_create_file with i_size @file_size.
 * debugfs_create_dir - a directory.  All sleep.
 */
struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
struct dentry *debugfs_create_file_unsafe(const char *name, umode_t mode,
					  struct dentry *parent, void *data,
					  const struct file_operations *fops);
void debugfs_create_file_size(const char *name, umode_t mode,
			      struct dentry *parent, void *data,
			      const struct file_operations *fops,
			      loff_t file_size);
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);

/*
 * debugfs_remove - take @dentry and everything under it away, waiting
 * for calls in progress on them; NULL and ERR_PTRs are ignored.
 * debugfs_remove_recursive is the same (Linux's older name).  Sleeps.
 */
void debugfs_remove(struct dentry *dentry);
#define debugfs_remove_recursive debugfs_remove

/*
 * debugfs_lookup - @name in @parent (NULL: the root), referenced (the
 * caller dput()s it), or NULL.  debugfs_lookup_and_remove - remove it.
 */
struct dentry *debugfs_lookup(const char *name, struct dentry *parent);
void debugfs_lookup_and_remove(const char *name, struct dentry *parent);

/*
 * debugfs_file_get - a call on @dentry's file may start: 0, or -EIO once
 * it is removed.  debugfs_file_put - the call has returned.
 */
int debugfs_file_get(struct dentry *dentry);
void debugfs_file_put(struct dentry *dentry);

/*
 * Files of one variable: decimal (u8 ... u64), hexadecimal (x8 ... x64,
 * "0x%08llx"), a bool ("Y"/"N", written as kstrtobool takes it) and a
 * read-only block of bytes.  @mode's write bits decide whether a write
 * is taken.
 */
void debugfs_create_u8(const char *name, umode_t mode, struct dentry *parent,
		       uint8_t *value);
void debugfs_create_u16(const char *name, umode_t mode, struct dentry *parent,
			uint16_t *value);
void debugfs_create_u32(const char *name, umode_t mode, struct dentry *parent,
			uint32_t *value);
void debugfs_create_u64(const char *name, umode_t mode, struct dentry *parent,
			uint64_t *value);
void debugfs_create_x8(const char *name, umode_t mode, struct dentry *parent,
		       uint8_t *value);
void debugfs_create_x16(const char *name, umode_t mode, struct dentry *parent,
			uint16_t *value);
void debugfs_create_x32(const char *name, umode_t mode, struct dentry *parent,
			uint32_t *value);
void debugfs_create_x64(const char *name, umode_t mode, struct dentry *parent,
			uint64_t *value);
void debugfs_create_bool(const char *name, umode_t mode, struct dentry *parent,
			 bool *value);
struct dentry *debugfs_create_blob(const char *name, umode_t mode,
				   struct dentry *parent,
				   struct debugfs_blob_wrapper *blob);

/*
 * debugfs_attr_read / debugfs_attr_write - simple_attr_read/write inside
 * debugfs_file_get()/put(): DEFINE_DEBUGFS_ATTRIBUTE's file operations.
 */
ssize_t debugfs_attr_read(struct file *file, char __user *buf, size_t len,
			  loff_t *ppos);
ssize_t debugfs_attr_write(struct file *file, const char __user *buf,
			   size_t len, loff_t *ppos);

/* clang-format off */
#define DEFINE_DEBUGFS_ATTRIBUTE(__fops, __get, __set, __fmt)               \
	static int __fops##_open(struct inode *inode, struct file *file)     \
	{                                                                    \
		__simple_attr_check_format(__fmt, 0ull);                     \
		return simple_attr_open(inode, file, __get, __set, __fmt);   \
	}                                                                    \
	static const struct file_operations __fops = {                      \
		.open = __fops##_open,                                       \
		.release = simple_attr_release,                              \
		.read = debugfs_attr_read,                                   \
		.write = debugfs_attr_write,                                 \
		.llseek = no_llseek,                                         \
	}
/* clang-format on */

#endif
