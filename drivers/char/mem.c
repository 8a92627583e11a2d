/*
 * The memory devices of major 1, as Linux's: /dev/null (reads end at
 * once, writes vanish), /dev/zero (reads zeros), /dev/full (reads zeros,
 * writes fail -ENOSPC) and /dev/kmsg (the kernel log, kmsg.c).  One
 * cdev serves the major; its open picks the minor's operations.
 */
#include <kernel/cdev.h>
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/uaccess.h>

#include "internal.h"

static ssize_t read_null(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	return (ssize_t)count;
}

/* excerpt: read-zero */
/* One clear_user() over the whole request: the copy routine's rep stosb
 * zeroes it at memory speed, with no loop here. */
static ssize_t read_zero(struct file *file, char __user *buf, size_t count,
			 loff_t *ppos)
{
	size_t left = clear_user(buf, count);

	if (left && left == count)
		return -EFAULT;
	return (ssize_t)(count - left);
}
/* excerpt-end: read-zero */

static ssize_t write_full(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	return -ENOSPC;
}

/* Every position is the start, as Linux's null_lseek(). */
static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read = read_null,
	.write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read = read_zero,
	.write = write_full,
};

/* Linux's minors, names and modes (drivers/char/mem.c's devlist). */
static const struct memdev {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	[3] = { "null", 0666, &null_fops },
	[5] = { "zero", 0666, &zero_fops },
	[7] = { "full", 0666, &full_fops },
	[11] = { "kmsg", 0644, &kmsg_fops },
};

static int memory_open(struct inode *inode, struct file *filp)
{
	unsigned int minor = MINOR(inode->i_rdev);
	const struct memdev *dev;

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor].fops)
		return -ENXIO;
	dev = &devlist[minor];
	replace_fops(filp, dev->fops); /* built in: no owner to hold */
	return dev->fops->open ? dev->fops->open(inode, filp) : 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = noop_llseek,
};

static char *mem_devnode(struct device *dev, umode_t *mode)
{
	if (mode && devlist[MINOR(dev->devt)].mode)
		*mode = devlist[MINOR(dev->devt)].mode;
	return NULL;
}

static struct class mem_class = {
	.name = "mem",
	.devnode = mem_devnode,
};

/* fs_initcall, as Linux's chr_dev_init(): after devtmpfs and misc. */
static int __init chr_dev_init(void)
{
	unsigned int minor;
	int ret = register_chrdev(MEM_MAJOR, "mem", &memory_fops);

	if (ret) {
		pr_err("unable to get major %d for memory devs\n", MEM_MAJOR);
		return ret;
	}
	ret = class_register(&mem_class);
	if (ret) {
		unregister_chrdev(MEM_MAJOR, "mem");
		return ret;
	}
	for (minor = 1; minor < ARRAY_SIZE(devlist); minor++)
		if (devlist[minor].name)
			device_create(&mem_class, NULL, MKDEV(MEM_MAJOR, minor),
				      NULL, "%s", devlist[minor].name);
	return 0;
}
fs_initcall(chr_dev_init);
