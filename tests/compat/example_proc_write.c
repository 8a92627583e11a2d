/*
 * example_proc_write.c - a /proc file that keeps what is written to it:
 * write to /proc/example_buffer (in one write or several), read the same
 * bytes back.
 */
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
#define HAVE_PROC_OPS
#endif

#define PROCFS_MAX_SIZE 1024
#define PROCFS_NAME "example_buffer"

static struct proc_dir_entry *our_proc_file;
static char procfs_buffer[PROCFS_MAX_SIZE];
static unsigned long procfs_buffer_size;

static ssize_t procfile_read(struct file *file, char __user *buffer,
			     size_t length, loff_t *offset)
{
	if (*offset >= procfs_buffer_size)
		return 0;
	length = min_t(size_t, length, procfs_buffer_size - *offset);
	if (copy_to_user(buffer, procfs_buffer + *offset, length))
		return -EFAULT;
	*offset += length;
	return length;
}

/*
 * A write lands at the file offset, as in a regular file, and the
 * contents end where it ended: a new write from the start replaces them.
 */
static ssize_t procfile_write(struct file *file, const char __user *buff,
			      size_t len, loff_t *off)
{
	if (*off >= PROCFS_MAX_SIZE)
		return -ENOSPC;
	len = min_t(size_t, len, PROCFS_MAX_SIZE - *off);
	if (copy_from_user(procfs_buffer + *off, buff, len))
		return -EFAULT;
	*off += len;
	procfs_buffer_size = *off;
	pr_info("procfile write: %zu bytes\n", len);
	return len;
}

#ifdef HAVE_PROC_OPS
static const struct proc_ops proc_file_fops = {
	.proc_read = procfile_read,
	.proc_write = procfile_write,
};
#else
static const struct file_operations proc_file_fops = {
	.read = procfile_read,
	.write = procfile_write,
};
#endif

static int __init procfs_write_init(void)
{
	our_proc_file = proc_create(PROCFS_NAME, 0644, NULL, &proc_file_fops);
	if (!our_proc_file) {
		pr_alert("Error: could not initialize /proc/%s\n", PROCFS_NAME);
		return -ENOMEM;
	}
	proc_set_size(our_proc_file, PROCFS_MAX_SIZE);
	pr_info("/proc/%s created\n", PROCFS_NAME);
	return 0;
}

static void __exit procfs_write_exit(void)
{
	remove_proc_entry(PROCFS_NAME, NULL);
	pr_info("/proc/%s removed\n", PROCFS_NAME);
}

module_init(procfs_write_init);
module_exit(procfs_write_exit);

MODULE_LICENSE("GPL");
