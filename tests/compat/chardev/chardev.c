/*
 * chardev.c: a character device that tells each reader how many times it
 * has been opened, in the style of the classic module-programming guide.
 * It takes a dynamic major, makes /dev/chardev through a class, lets one
 * opener in at a time, and refuses writes.
 */
#include <linux/atomic.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include <asm/errno.h>

#define DEVICE_NAME "chardev"
#define MSG_LEN 80

static int major;
static struct class *cls;

/* Is the device open?  Only one opener at a time. */
enum { DEV_FREE = 0, DEV_BUSY = 1 };
static atomic_t in_use = ATOMIC_INIT(DEV_FREE);

static char msg[MSG_LEN + 1];

static int device_open(struct inode *inode, struct file *file)
{
	static int opened;

	if (atomic_cmpxchg(&in_use, DEV_FREE, DEV_BUSY))
		return -EBUSY;
	opened++;
	sprintf(msg, "I already told you %d time%s Hello world!\n", opened,
		opened == 1 ? "" : "s");
	pr_info("chardev: opened (minor %u)\n", iminor(inode));
	/* Hold the module while the file is open: rmmod says it is in use. */
	try_module_get(THIS_MODULE);
	return 0;
}

static int device_release(struct inode *inode, struct file *file)
{
	atomic_set(&in_use, DEV_FREE);
	module_put(THIS_MODULE);
	pr_info("chardev: closed\n");
	return 0;
}

/* excerpt: chardev-read */
/* Give the message from *offset on, one byte at a time with put_user(),
 * as the tutorial does; 0 at its end. */
static ssize_t device_read(struct file *filp, char __user *buffer,
			   size_t length, loff_t *offset)
{
	const char *p = msg + *offset;
	ssize_t bytes_read = 0;

	if (*offset >= (loff_t)strlen(msg))
		return 0;
	while (length && *p) {
		if (put_user(*p++, buffer++))
			return -EFAULT;
		length--;
		bytes_read++;
	}
	*offset += bytes_read;
	return bytes_read;
}
/* excerpt-end: chardev-read */

static ssize_t device_write(struct file *filp, const char __user *buff,
			    size_t len, loff_t *off)
{
	pr_alert("chardev: sorry, this device cannot be written to\n");
	return -EINVAL;
}

static const struct file_operations chardev_fops = {
	.read = device_read,
	.write = device_write,
	.open = device_open,
	.release = device_release,
};

static int __init chardev_init(void)
{
	struct device *dev;

	major = register_chrdev(0, DEVICE_NAME, &chardev_fops);
	if (major < 0) {
		pr_alert("chardev: registering the device failed with %d\n",
			 major);
		return major;
	}
	pr_info("chardev: I was assigned major number %d\n", major);
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	cls = class_create(DEVICE_NAME);
#else
	cls = class_create(THIS_MODULE, DEVICE_NAME);
#endif
	if (IS_ERR(cls)) {
		unregister_chrdev(major, DEVICE_NAME);
		return PTR_ERR(cls);
	}
	dev = device_create(cls, NULL, MKDEV(major, 0), NULL, DEVICE_NAME);
	if (IS_ERR(dev)) {
		class_destroy(cls);
		unregister_chrdev(major, DEVICE_NAME);
		return PTR_ERR(dev);
	}
	pr_info("chardev: device created on /dev/%s\n", DEVICE_NAME);
	return 0;
}

static void __exit chardev_exit(void)
{
	device_destroy(cls, MKDEV(major, 0));
	class_destroy(cls);
	unregister_chrdev(major, DEVICE_NAME);
	pr_info("chardev: gone\n");
}

module_init(chardev_init);
module_exit(chardev_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A character device counting its opens");
