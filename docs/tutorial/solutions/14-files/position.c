/*
 * Chapter 14, exercise 2: a position belongs to the reader, the bytes to
 * the file.  Init writes a line, reads it back from three positions,
 * then writes through a second open of the same file and reads the
 * change through the first.
 */
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

#define POSITION_FILE "/position.txt"

static const char position_line[] = "hello, world\n";

/* Read at most 15 bytes of @f from @pos and print them and the position. */
static void position_read(struct file *f, loff_t pos)
{
	char buf[16];
	loff_t at = pos;
	ssize_t n = kernel_read(f, buf, sizeof(buf) - 1, &at);

	buf[n > 0 ? n : 0] = '\0';
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0'; /* one line of log per read */
	pr_info("position: from %lld: %zd \"%s\", now at %lld\n", pos, n, buf,
		at);
}

static int __init position_init(void)
{
	struct file *a, *b;
	loff_t pos = 0;
	ssize_t n;

	a = filp_open(POSITION_FILE, O_CREAT | O_TRUNC | O_RDWR, 0644);
	if (IS_ERR(a))
		return PTR_ERR(a);
	n = kernel_write(a, position_line, sizeof(position_line) - 1, &pos);
	pr_info("position: wrote %zd, now at %lld\n", n, pos);
	position_read(a, 7);
	position_read(a, 13);
	position_read(a, 100);

	b = filp_open(POSITION_FILE, O_WRONLY, 0);
	if (IS_ERR(b)) {
		filp_close(a, NULL);
		return PTR_ERR(b);
	}
	pos = 0;
	n = kernel_write(b, "HELLO", 5, &pos);
	pr_info("position: the second file wrote %zd at 0\n", n);
	position_read(a, 0);
	filp_close(b, NULL);
	filp_close(a, NULL);
	return 0;
}

static void __exit position_exit(void)
{
}

module_init(position_init);
module_exit(position_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a file's position, and its bytes, seen through two opens");
