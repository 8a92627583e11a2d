/*
 * Misc devices: small drivers share character major 10, each with a
 * minor of its own (fixed, or given from 127 down) and a node in /dev.
 * Opening one finds it by minor and hands the file to its operations
 * with private_data pointing at it, as Linux's drivers/char/misc.c.
 */
#include <kernel/cdev.h>
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

static struct mutex misc_mtx = MUTEX_INITIALIZER(misc_mtx);
static LIST_HEAD(misc_list);
static struct class *misc_class;
/* Dynamic minors in use: bit i is minor MISC_DYNAMIC_MINORS - 1 - i. */
static uint64_t misc_minors[MISC_DYNAMIC_MINORS / 64];

static void misc_lock(void)
{
	mutex_lock_at(&misc_mtx, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

static void misc_unlock(void)
{
	mutex_unlock_at(&misc_mtx, _THIS_IP_);
}

static bool misc_bit(int i)
{
	return misc_minors[i / 64] & (1ull << (i % 64));
}

static void misc_bit_set(int i, bool on)
{
	if (on)
		misc_minors[i / 64] |= 1ull << (i % 64);
	else
		misc_minors[i / 64] &= ~(1ull << (i % 64));
}

static int misc_open(struct inode *inode, struct file *file)
{
	const struct file_operations *fops = NULL;
	struct miscdevice *c;

	misc_lock();
	list_for_each_entry(c, &misc_list, list) {
		if (c->minor == (int)MINOR(inode->i_rdev)) {
			fops = fops_get(c->fops);
			break;
		}
	}
	misc_unlock();
	if (!fops)
		return -ENODEV;
	/* The driver finds its miscdevice here, as Linux's do. */
	file->private_data = c;
	replace_fops(file, fops);
	return file->f_op->open ? file->f_op->open(inode, file) : 0;
}

static const struct file_operations misc_fops = {
	.open = misc_open,
	.llseek = noop_llseek,
};

/* Give @misc its minor under misc_mtx: 0 or -EBUSY. */
static int misc_minor_take(struct miscdevice *misc)
{
	struct miscdevice *c;
	int i;

	if (misc->minor == MISC_DYNAMIC_MINOR) {
		for (i = 0; i < MISC_DYNAMIC_MINORS && misc_bit(i); i++)
			;
		if (i == MISC_DYNAMIC_MINORS)
			return -EBUSY;
		misc_bit_set(i, true);
		misc->minor = MISC_DYNAMIC_MINORS - i - 1;
		return 0;
	}
	list_for_each_entry(c, &misc_list, list)
		if (c->minor == misc->minor)
			return -EBUSY;
	return 0;
}

int misc_register(struct miscdevice *misc)
{
	bool dynamic = misc->minor == MISC_DYNAMIC_MINOR;
	struct device *dev;
	int ret;

	INIT_LIST_HEAD(&misc->list);
	misc_lock();
	ret = misc_minor_take(misc);
	if (!ret) {
		dev = device_create(misc_class, misc->parent,
				    MKDEV(MISC_MAJOR, misc->minor), misc, "%s",
				    misc->name);
		if (IS_ERR(dev)) {
			ret = (int)PTR_ERR(dev);
			if (dynamic) {
				misc_bit_set(MISC_DYNAMIC_MINORS - misc->minor -
						     1,
					     false);
				misc->minor = MISC_DYNAMIC_MINOR;
			}
		} else {
			misc->this_device = dev;
			list_add(&misc->list, &misc_list);
		}
	}
	misc_unlock();
	return ret;
}
EXPORT_SYMBOL(misc_register);

void misc_deregister(struct miscdevice *misc)
{
	if (list_empty(&misc->list))
		return;
	misc_lock();
	list_del_init(&misc->list);
	device_destroy(misc_class, MKDEV(MISC_MAJOR, misc->minor));
	if (misc->minor < MISC_DYNAMIC_MINORS)
		misc_bit_set(MISC_DYNAMIC_MINORS - misc->minor - 1, false);
	misc_unlock();
}
EXPORT_SYMBOL(misc_deregister);

/* The node's name and mode are the miscdevice's own, if it gives them. */
static char *misc_devnode(struct device *dev, umode_t *mode)
{
	const struct miscdevice *c = dev_get_drvdata(dev);

	if (mode && c->mode)
		*mode = c->mode;
	return c->nodename ? kstrdup(c->nodename, GFP_KERNEL) : NULL;
}

static int __init misc_init(void)
{
	int ret;

	misc_class = class_create(NULL, "misc");
	if (IS_ERR(misc_class))
		return (int)PTR_ERR(misc_class);
	misc_class->devnode = misc_devnode;
	ret = register_chrdev(MISC_MAJOR, "misc", &misc_fops);
	if (ret) {
		pr_err("unable to get major %d for misc devices\n", MISC_MAJOR);
		class_destroy(misc_class);
	}
	return ret;
}
subsys_initcall(misc_init);
