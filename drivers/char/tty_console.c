/*
 * /dev/console (5:1, as Linux's): what is written to it goes to every
 * console, past the log, as the shell's output does.  Reading gives end of
 * file: console input belongs to the shell, its one reader, until Sprout
 * has terminals and user processes.
 */
#include <kernel/cdev.h>
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/uaccess.h>

#define CONSOLE_CHUNK 256 /* bytes copied in and written at a time */

static ssize_t console_read(struct file *file, char __user *buf, size_t count,
			    loff_t *ppos)
{
	return 0;
}

static ssize_t console_file_write(struct file *file, const char __user *buf,
				  size_t count, loff_t *ppos)
{
	char chunk[CONSOLE_CHUNK];
	size_t done = 0;

	while (done < count) {
		size_t n = MIN(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write(chunk, n);
		done += n;
	}
	return (ssize_t)done;
}

static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_file_write,
	.llseek = no_llseek,
};

static struct cdev console_cdev;
static struct class tty_class = { .name = "tty" };

/* device_initcall, as Linux's tty_init() (after chr_dev_init()). */
static int __init tty_console_init(void)
{
	dev_t devt = MKDEV(TTYAUX_MAJOR, 1);
	struct device *dev;
	int ret;

	ret = register_chrdev_region(devt, 1, "/dev/console");
	if (ret)
		goto out;
	cdev_init(&console_cdev, &console_fops);
	cdev_add(&console_cdev, devt, 1);
	ret = class_register(&tty_class);
	if (ret)
		goto out_cdev;
	dev = device_create(&tty_class, NULL, devt, NULL, "console");
	if (!IS_ERR(dev))
		return 0;
	ret = (int)PTR_ERR(dev);
	class_unregister(&tty_class);
out_cdev:
	cdev_del(&console_cdev);
	unregister_chrdev_region(devt, 1);
out:
	pr_err("Couldn't register /dev/console driver: %d\n", ret);
	return ret;
}
device_initcall(tty_console_init);
