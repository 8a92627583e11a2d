/*
 * example_proc_read.c - a /proc file with struct proc_ops: reading
 * /proc/example_read gives one greeting, then end of file.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
#define HAVE_PROC_OPS
#endif

#define PROCFS_NAME "example_read"

static struct proc_dir_entry *our_proc_file;

static ssize_t procfile_read(struct file *file, char __user *buffer,
			     size_t length, loff_t *offset)
{
	static const char greeting[] = "Hello from /proc!\n";
	size_t len = sizeof(greeting) - 1;

	if (*offset >= len)
		return 0;
	if (length > len - *offset)
		length = len - *offset;
	if (copy_to_user(buffer, greeting + *offset, length))
		return -EFAULT;
	*offset += length;
	pr_info("procfile read %s: %zu bytes\n",
		file->f_path.dentry->d_name.name, length);
	return length;
}

/* excerpt: proc-read-ops */
#ifdef HAVE_PROC_OPS
static const struct proc_ops proc_file_fops = {
	.proc_read = procfile_read,
};
#else
static const struct file_operations proc_file_fops = {
	.read = procfile_read,
};
#endif
/* excerpt-end: proc-read-ops */

static int __init procfs_read_init(void)
{
	our_proc_file = proc_create(PROCFS_NAME, 0644, NULL, &proc_file_fops);
	if (!our_proc_file) {
		pr_alert("Error: could not initialize /proc/%s\n", PROCFS_NAME);
		return -ENOMEM;
	}
	pr_info("/proc/%s created\n", PROCFS_NAME);
	return 0;
}

static void __exit procfs_read_exit(void)
{
	proc_remove(our_proc_file);
	pr_info("/proc/%s removed\n", PROCFS_NAME);
}

module_init(procfs_read_init);
module_exit(procfs_read_exit);

MODULE_LICENSE("GPL");
