/*
 * Chapter 14, exercise 3, the driver: a misc device, /dev/opens, whose
 * read says how many times it was opened, as the Linux module
 * programming guide's chardev.c does.  Its file_operations name their
 * module, so an open file holds it.
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>

static atomic_t opens_count = ATOMIC_INIT(0);

/* Each open gets its own message, kept in private_data until release. */
struct opens_file {
	char msg[48];
	size_t len;
};

static int opens_open(struct inode *inode, struct file *file)
{
	struct opens_file *of = kzalloc(sizeof(*of), GFP_KERNEL);

	if (!of)
		return -ENOMEM;
	of->len = snprintf(of->msg, sizeof(of->msg),
			   "I already told you %d times Hello world!\n",
			   atomic_inc_return(&opens_count));
	file->private_data = of;
	return 0;
}

static ssize_t opens_read(struct file *file, char __user *buf, size_t count,
			  loff_t *ppos)
{
	struct opens_file *of = file->private_data;

	return simple_read_from_buffer(buf, count, ppos, of->msg, of->len);
}

static int opens_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

/* .owner: each open file holds this module until its last close. */
static const struct file_operations opens_fops = {
	.owner = THIS_MODULE,
	.open = opens_open,
	.read = opens_read,
	.release = opens_release,
	.llseek = default_llseek,
};

static struct miscdevice opens_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "opens",
	.fops = &opens_fops,
	.mode = 0444,
};

static int __init opens_init(void)
{
	int ret = misc_register(&opens_misc);

	if (ret)
		return ret;
	pr_info("opens: /dev/opens is 10:%d\n", opens_misc.minor);
	return 0;
}

static void __exit opens_exit(void)
{
	misc_deregister(&opens_misc);
	pr_info("opens: gone after %d opens\n", atomic_read(&opens_count));
}

module_init(opens_init);
module_exit(opens_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a misc device that counts its opens");
