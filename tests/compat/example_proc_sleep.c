/*
 * example_proc_sleep.c - a reader of /proc/example_sleep sleeps on a
 * wait queue until a writer leaves a message, which the reader then gets
 * (and takes away).  A signal ends the sleep early.  An open file holds
 * the module, so rmmod cannot pull it from under a sleeping reader.
 */
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define MESSAGE_MAX 80

static char message[MESSAGE_MAX];
static size_t message_len;
static DECLARE_WAIT_QUEUE_HEAD(waitq);

static int module_open(struct inode *inode, struct file *file)
{
	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	return 0;
}

static int module_close(struct inode *inode, struct file *file)
{
	module_put(THIS_MODULE);
	return 0;
}

static ssize_t module_read(struct file *file, char __user *buf, size_t length,
			   loff_t *offset)
{
	size_t n;

	if (wait_event_interruptible(waitq, message_len > 0)) {
		pr_info("example_sleep: reader woken by a signal\n");
		return -ERESTARTSYS;
	}
	n = min(length, message_len);
	if (copy_to_user(buf, message, n))
		return -EFAULT;
	message_len = 0;
	return n;
}

static ssize_t module_write(struct file *file, const char __user *buf,
			    size_t length, loff_t *offset)
{
	size_t n = min_t(size_t, length, MESSAGE_MAX);

	if (copy_from_user(message, buf, n))
		return -EFAULT;
	message_len = n;
	wake_up_interruptible(&waitq);
	return n;
}

static const struct proc_ops file_ops = {
	.proc_open = module_open,
	.proc_read = module_read,
	.proc_write = module_write,
	.proc_release = module_close,
	.proc_lseek = noop_llseek,
};

static int __init sleep_init(void)
{
	if (!proc_create("example_sleep", 0644, NULL, &file_ops))
		return -ENOMEM;
	pr_info("/proc/example_sleep created\n");
	return 0;
}

static void __exit sleep_exit(void)
{
	remove_proc_entry("example_sleep", NULL);
	pr_info("/proc/example_sleep removed\n");
}

module_init(sleep_init);
module_exit(sleep_exit);

MODULE_LICENSE("GPL");
