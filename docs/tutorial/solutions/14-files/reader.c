/*
 * Chapter 14, exercise 4, the reader: reads /proc/squares in one read and
 * again in reads of 7 bytes, compares the two, and keeps the file open
 * until its own exit -- where it reads once more, after squares may have
 * gone, and prints what that read gives.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#define READER_MAX 16384 /* more than /proc/squares with n=1000 */
#define SMALL_READ 7

static struct file *reader_file;

/* Read @f from 0 to its end in reads of @chunk bytes into @buf. */
static ssize_t reader_read_all(struct file *f, char *buf, size_t chunk,
			       int *reads)
{
	loff_t pos = 0;
	ssize_t n;

	*reads = 0;
	do {
		n = kernel_read(f, buf + pos,
				min(chunk, READER_MAX - (size_t)pos), &pos);
		if (n < 0)
			return n;
		++*reads;
	} while (n && pos < READER_MAX);
	return pos < READER_MAX ? pos : -EFBIG;
}

static int reader_compare(struct file *f)
{
	char *big = kmalloc(READER_MAX, GFP_KERNEL);
	char *small = kmalloc(READER_MAX, GFP_KERNEL);
	ssize_t big_len, small_len;
	int reads, ret = 0;

	if (!big || !small) {
		ret = -ENOMEM;
		goto out;
	}
	big_len = reader_read_all(f, big, READER_MAX, &reads);
	pr_info("reader: one read: %zd bytes\n", big_len);
	small_len = reader_read_all(f, small, SMALL_READ, &reads);
	pr_info("reader: reads of %d bytes: %zd bytes in %d reads\n",
		SMALL_READ, small_len, reads);
	if (big_len < 0 || small_len < 0) {
		ret = big_len < 0 ? big_len : small_len;
		goto out;
	}
	pr_info("reader: the same bytes: %s\n",
		big_len == small_len && !memcmp(big, small, big_len) ? "yes" :
								       "no");
out:
	kfree(small);
	kfree(big);
	return ret;
}

static int __init reader_init(void)
{
	int ret;

	reader_file = filp_open("/proc/squares", O_RDONLY, 0);
	if (IS_ERR(reader_file))
		return PTR_ERR(reader_file);
	ret = reader_compare(reader_file);
	if (ret)
		filp_close(reader_file, NULL);
	return ret;
}

static void __exit reader_exit(void)
{
	char buf[16];
	loff_t pos = 0;

	pr_info("reader: last read: %zd\n",
		kernel_read(reader_file, buf, sizeof(buf), &pos));
	filp_close(reader_file, NULL);
	pr_info("reader: closed\n");
}

module_init(reader_init);
module_exit(reader_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("reads /proc/squares two ways and keeps it open");
