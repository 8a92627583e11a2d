/*
 * example_debugfs.c - a directory in debugfs with a u32 anyone can read
 * and root can write, and a file of the module's own that counts its
 * reads:
 *
 *     cat /sys/kernel/debug/example/counter
 *     echo 9 > /sys/kernel/debug/example/counter
 *     cat /sys/kernel/debug/example/hello
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/uaccess.h>

static struct dentry *dir;
static u32 counter = 42;
static int reads;

static ssize_t hello_read(struct file *file, char __user *buf, size_t count,
			  loff_t *ppos)
{
	char msg[32];
	int len;

	if (*ppos == 0)
		reads++;
	len = snprintf(msg, sizeof(msg), "hello, read %d times\n", reads);
	return simple_read_from_buffer(buf, count, ppos, msg, len);
}

static const struct file_operations hello_fops = {
	.read = hello_read,
};

static int __init example_debugfs_init(void)
{
	dir = debugfs_create_dir("example", NULL);
	debugfs_create_u32("counter", 0644, dir, &counter);
	debugfs_create_file("hello", 0444, dir, NULL, &hello_fops);
	pr_info("example_debugfs: counter is %u\n", counter);
	return 0;
}

static void __exit example_debugfs_exit(void)
{
	debugfs_remove_recursive(dir);
	pr_info("example_debugfs: counter was %u, hello read %d times\n",
		counter, reads);
}

module_init(example_debugfs_init);
module_exit(example_debugfs_exit);

MODULE_LICENSE("GPL");
