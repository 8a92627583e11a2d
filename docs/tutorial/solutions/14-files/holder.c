/*
 * Chapter 14, exercise 3, the reader: opens /dev/opens twice, reads the
 * message of each open, and keeps the second file open until its own
 * exit -- so the driver's module stays in use until then.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>

static struct file *holder_file;

/* Read what @f says, in reads of 16 bytes, and print it as one line. */
static int holder_read(struct file *f)
{
	char buf[64];
	size_t len = 0;
	ssize_t n;

	while (len < sizeof(buf) - 1) {
		n = kernel_read(f, buf + len, min(sizeof(buf) - 1 - len, 16ul),
				&f->f_pos);
		if (n < 0)
			return n;
		if (n == 0)
			break;
		len += n;
	}
	if (len && buf[len - 1] == '\n')
		len--;
	buf[len] = '\0';
	pr_info("holder: read \"%s\"\n", buf);
	return 0;
}

static int __init holder_init(void)
{
	struct file *f = filp_open("/dev/opens", O_RDONLY, 0);
	int ret;

	if (IS_ERR(f))
		return PTR_ERR(f);
	ret = holder_read(f);
	filp_close(f, NULL);
	if (ret)
		return ret;
	holder_file = filp_open("/dev/opens", O_RDONLY, 0);
	if (IS_ERR(holder_file))
		return PTR_ERR(holder_file);
	ret = holder_read(holder_file);
	if (ret)
		filp_close(holder_file, NULL);
	return ret;
}

static void __exit holder_exit(void)
{
	filp_close(holder_file, NULL);
	pr_info("holder: closed\n");
}

module_init(holder_init);
module_exit(holder_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("keeps /dev/opens open until it goes");
