/*
 * Each thread's open files and working directory, made on first use and
 * dropped when the thread ends (the scheduler's exit hook, as Linux's
 * exit_files() and exit_fs()).  A descriptor is an index in the thread's
 * table; the ksys_* calls are what system calls and the shell will use.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/sched.h>
#include <kernel/slab.h>

int ksys_chdir(const char *name)
{
	struct fs_struct *fs = current->fs;
	struct path path;
	int ret;

	if (!fs) {
		fs = kzalloc(sizeof(*fs), GFP_KERNEL);
		if (!fs)
			return -ENOMEM;
	}
	vfs_lock_acquire();
	ret = walk_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &path);
	if (!ret) {
		ret = may_access(path.dentry->d_inode, S_IXUSR);
		if (ret) {
			path_put(&path);
		} else {
			if (current->fs)
				path_put(&fs->pwd);
			fs->pwd = path;
			current->fs = fs;
		}
	}
	vfs_lock_release();
	if (fs != current->fs)
		kfree(fs);
	return ret;
}
EXPORT_SYMBOL(ksys_chdir);

/* The open file @fd of current (no reference taken), or NULL. */
static struct file *fd_lookup(int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd < 0 || fd >= NR_OPEN_DEFAULT)
		return NULL;
	return files->fd[fd];
}

struct file *fget(unsigned int fd)
{
	struct file *f = fd_lookup((int)fd);

	return f ? get_file(f) : NULL;
}
EXPORT_SYMBOL(fget);

/* current's table, made on first use; NULL without memory. */
static struct files_struct *current_files(void)
{
	if (!current->files)
		current->files = kzalloc(sizeof(*current->files), GFP_KERNEL);
	return current->files;
}

int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current_files();
	int fd;

	(void)flags; /* O_CLOEXEC: there is no exec */
	if (!files)
		return -ENOMEM;
	for (fd = 0; fd < NR_OPEN_DEFAULT && files->fd[fd]; fd++)
		;
	return fd == NR_OPEN_DEFAULT ? -EMFILE : fd;
}
EXPORT_SYMBOL(get_unused_fd_flags);

void fd_install(unsigned int fd, struct file *file)
{
	current->files->fd[fd] = file;
}
EXPORT_SYMBOL(fd_install);

int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current_files();
	struct file *old;

	(void)flags;
	if (fd >= NR_OPEN_DEFAULT)
		return -EBADF;
	if (!files)
		return -ENOMEM;
	old = files->fd[fd];
	files->fd[fd] = file ? get_file(file) : NULL;
	if (old)
		fput(old);
	return (int)fd;
}
EXPORT_SYMBOL(replace_fd);

int do_sys_open(const char *name, int flags, umode_t mode)
{
	struct file *f;
	int fd = get_unused_fd_flags((unsigned int)flags), ret;

	if (fd < 0)
		return fd;
	ret = file_open_name(name, flags, mode, &f);
	if (ret)
		return ret;
	fd_install((unsigned int)fd, f);
	return fd;
}
EXPORT_SYMBOL(do_sys_open);

/* excerpt: ksys-read */
ssize_t ksys_read(int fd, char __user *buf, size_t count)
{
	struct file *f = fd_lookup(fd);

	return f ? vfs_read(f, buf, count, &f->f_pos) : -EBADF;
}
EXPORT_SYMBOL(ksys_read);
/* excerpt-end: ksys-read */

ssize_t ksys_write(int fd, const char __user *buf, size_t count)
{
	struct file *f = fd_lookup(fd);

	return f ? vfs_write(f, buf, count, &f->f_pos) : -EBADF;
}
EXPORT_SYMBOL(ksys_write);

loff_t ksys_lseek(int fd, loff_t offset, int whence)
{
	struct file *f = fd_lookup(fd);

	return f ? vfs_llseek(f, offset, whence) : -EBADF;
}
EXPORT_SYMBOL(ksys_lseek);

long ksys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fd_lookup(fd);

	if (!f)
		return -EBADF;
	if (!f->f_op || !f->f_op->unlocked_ioctl)
		return -ENOTTY;
	return f->f_op->unlocked_ioctl(f, cmd, arg);
}
EXPORT_SYMBOL(ksys_ioctl);

int close_fd(int fd)
{
	struct file *f = fd_lookup(fd);

	if (!f)
		return -EBADF;
	current->files->fd[fd] = NULL;
	return filp_close(f);
}
EXPORT_SYMBOL(close_fd);

/* The scheduler's exit hook: @t's files, then its working directory. */
static void exit_files(struct task_struct *t)
{
	if (t->files) {
		for (int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
			if (t->files->fd[fd])
				filp_close(t->files->fd[fd]);
		kfree(t->files);
		t->files = NULL;
	}
	if (t->fs) {
		vfs_lock_acquire();
		path_put(&t->fs->pwd);
		vfs_lock_release();
		kfree(t->fs);
		t->fs = NULL;
	}
}

static int __init files_init(void)
{
	sched_exit_hook_register(exit_files);
	return 0;
}
core_initcall(files_init);
