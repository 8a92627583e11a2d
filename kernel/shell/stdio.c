/*
 * The console as an open file, and command output through descriptors.
 * The shell's thread holds the console on descriptors 0, 1 and 2, as a
 * login shell holds its terminal; what a command prints goes to its
 * thread's descriptor 1 (or 2), so that '>' and '|' take any command's
 * output.  Threads that run no command print to the consoles as before.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/uaccess.h>

#include "internal.h"

#define CONSOLE_CHUNK 256 /* bytes copied through the stack at a time */

static ssize_t console_file_write(struct file *file, const char __user *buf,
				  size_t count, loff_t *ppos)
{
	char chunk[CONSOLE_CHUNK];

	for (size_t done = 0; done < count;) {
		size_t n = MIN(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		console_write(chunk, n);
		done += n;
	}
	return (ssize_t)count;
}

static ssize_t console_file_read(struct file *file, char __user *buf,
				 size_t count, loff_t *ppos)
{
	char line[SHELL_LINE_MAX];
	ssize_t n = shell_input_read(line, MIN(count, sizeof(line)));

	if (n > 0 && copy_to_user(buf, line, (size_t)n))
		return -EFAULT;
	return n;
}

static const struct file_operations console_file_fops = {
	.llseek = no_llseek,
	.read = console_file_read,
	.write = console_file_write,
};

int shell_write(int fd, const void *buf, size_t n)
{
	struct uaccess_window saved;
	ssize_t ret = 0;

	uaccess_window_open(&saved, buf, n);
	for (size_t done = 0; done < n; done += (size_t)ret) {
		ret = ksys_write(fd, (const char __user *)buf + done, n - done);
		if (ret <= 0) {
			ret = ret ? ret : -EIO;
			break;
		}
	}
	uaccess_window_close(&saved);
	return ret < 0 ? (int)ret : 0;
}

ssize_t shell_read(int fd, void *buf, size_t n)
{
	struct uaccess_window saved;
	ssize_t ret;

	uaccess_window_open(&saved, buf, n);
	ret = ksys_read(fd, (char __user *)buf, n);
	uaccess_window_close(&saved);
	return ret;
}

/* console_printf()'s way out for a command: its thread's descriptor. */
static int shell_output(int fd, const char *s, size_t n)
{
	if (!shell_is_command_thread(current) || !current->files ||
	    !current->files->fd[fd])
		return -EBADF;
	return shell_write(fd, s, n);
}

int shell_stdio_init(void)
{
	struct file *console;
	int ret = anon_file_open("[console]", &console_file_fops, NULL, O_RDWR,
				 &console);

	if (ret)
		return ret;
	for (unsigned int fd = 0; fd < 3 && ret >= 0; fd++)
		ret = replace_fd(fd, console, 0);
	fput(console);
	return ret < 0 ? ret : 0;
}

/* From the start: a thread without descriptors still gets the consoles. */
static int __init shell_stdio_register(void)
{
	console_output_register(shell_output);
	return 0;
}
core_initcall(shell_stdio_register);
