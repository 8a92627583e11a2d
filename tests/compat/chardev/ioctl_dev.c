/*
 * ioctl_dev.c: a character device driven by ioctl commands, in the style
 * of the classic tutorials: a number and a message set and read back
 * with _IOW/_IOR/_IOWR commands, the device numbers from
 * alloc_chrdev_region() and served by a cdev of the driver's own.
 * Reading the device gives "value N, message TEXT".
 */
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "ioctl_dev.h"

#define DEVICE_NAME "ioctl_dev"

struct ioctl_dev {
	struct cdev cdev;
	struct mutex lock; /* value and msg */
	int value;
	char msg[IOCTL_DEV_MSG_LEN];
};

static dev_t devno;
static struct class *cls;
static struct ioctl_dev the_dev;

static int ioctl_dev_open(struct inode *inode, struct file *file)
{
	/* The cdev is inside our structure: find the structure. */
	file->private_data =
		container_of(inode->i_cdev, struct ioctl_dev, cdev);
	return 0;
}

static long ioctl_dev_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	struct ioctl_dev *d = file->private_data;
	int __user *uval = (int __user *)arg;
	struct ioctl_dev_msg m;
	long ret = 0;
	int v;

	if (_IOC_TYPE(cmd) != IOCTL_DEV_MAGIC)
		return -ENOTTY;
	mutex_lock(&d->lock);
	switch (cmd) {
	case IOCTL_DEV_SET_VALUE:
		ret = get_user(v, uval);
		if (!ret)
			d->value = v;
		break;
	case IOCTL_DEV_GET_VALUE:
		ret = put_user(d->value, uval);
		break;
	case IOCTL_DEV_XCHG_VALUE:
		ret = get_user(v, uval);
		if (!ret)
			ret = put_user(d->value, uval);
		if (!ret)
			d->value = v;
		break;
	case IOCTL_DEV_SET_MSG:
		if (copy_from_user(&m, (void __user *)arg, sizeof(m))) {
			ret = -EFAULT;
			break;
		}
		m.text[sizeof(m.text) - 1] = '\0';
		strscpy(d->msg, m.text, sizeof(d->msg));
		break;
	case IOCTL_DEV_GET_MSG:
		memset(&m, 0, sizeof(m));
		strscpy(m.text, d->msg, sizeof(m.text));
		if (copy_to_user((void __user *)arg, &m, sizeof(m)))
			ret = -EFAULT;
		break;
	case IOCTL_DEV_RESET:
		d->value = 0;
		break;
	default:
		ret = -ENOTTY;
	}
	mutex_unlock(&d->lock);
	return ret;
}

static ssize_t ioctl_dev_read(struct file *file, char __user *buf, size_t count,
			      loff_t *ppos)
{
	struct ioctl_dev *d = file->private_data;
	char text[64 + IOCTL_DEV_MSG_LEN];
	int n;

	mutex_lock(&d->lock);
	n = snprintf(text, sizeof(text), "value %d, message %s\n", d->value,
		     d->msg);
	mutex_unlock(&d->lock);
	return simple_read_from_buffer(buf, count, ppos, text, n);
}

/* .owner: the module is held from each open to its last close. */
static const struct file_operations ioctl_dev_fops = {
	.owner = THIS_MODULE,
	.open = ioctl_dev_open,
	.read = ioctl_dev_read,
	.unlocked_ioctl = ioctl_dev_ioctl,
	.llseek = default_llseek,
};

static int __init ioctl_dev_init(void)
{
	struct device *dev;
	int ret = alloc_chrdev_region(&devno, 0, 1, DEVICE_NAME);

	if (ret)
		return ret;
	mutex_init(&the_dev.lock);
	strscpy(the_dev.msg, "hello", sizeof(the_dev.msg));
	cdev_init(&the_dev.cdev, &ioctl_dev_fops);
	the_dev.cdev.owner = THIS_MODULE;
	ret = cdev_add(&the_dev.cdev, devno, 1);
	if (ret)
		goto out_region;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	cls = class_create(DEVICE_NAME);
#else
	cls = class_create(THIS_MODULE, DEVICE_NAME);
#endif
	if (IS_ERR(cls)) {
		ret = PTR_ERR(cls);
		goto out_cdev;
	}
	dev = device_create(cls, NULL, devno, NULL, DEVICE_NAME);
	if (IS_ERR(dev)) {
		ret = PTR_ERR(dev);
		goto out_class;
	}
	pr_info("ioctl_dev: /dev/%s is %d:%d\n", DEVICE_NAME, MAJOR(devno),
		MINOR(devno));
	return 0;
out_class:
	class_destroy(cls);
out_cdev:
	cdev_del(&the_dev.cdev);
out_region:
	unregister_chrdev_region(devno, 1);
	return ret;
}

static void __exit ioctl_dev_exit(void)
{
	device_destroy(cls, devno);
	class_destroy(cls);
	cdev_del(&the_dev.cdev);
	unregister_chrdev_region(devno, 1);
	pr_info("ioctl_dev: removed\n");
}

module_init(ioctl_dev_init);
module_exit(ioctl_dev_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A character device driven by ioctl commands");
