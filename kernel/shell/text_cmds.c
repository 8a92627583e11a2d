/*
 * Commands that move bytes from their input to their output: cat, echo,
 * head, hexdump -C and yes, with GNU coreutils' and util-linux's formats
 * and messages.  They read and write descriptors 0 and 1, so pipes and
 * redirections work with them; a write that fails with EPIPE ends them
 * quietly, as SIGPIPE ends a process on Linux.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/string.h>

#include "internal.h"

#define TEXT_CHUNK 512 /* bytes read or written at a time */

/* How a command ends after a failed write: quietly for a closed pipe. */
static int write_failed(const char *cmd, int err)
{
	if (err == -EPIPE || err == -ERESTARTSYS)
		return err;
	console_eprintf("%s: write error: %s\n", cmd, errno_text(err));
	return SHELL_FAILED;
}

/* Open @name for reading as a descriptor; "-" is standard input. */
static int open_input(const char *cmd, const char *name)
{
	int fd = strcmp(name, "-") ? do_sys_open(name, O_RDONLY, 0) : 0;

	if (fd < 0)
		console_eprintf("%s: %s: %s\n", cmd, name, errno_text(fd));
	return fd;
}

static void close_input(int fd)
{
	if (fd > 0)
		close_fd(fd);
}

/* Copy @fd to standard output, at most @limit bytes (-1: all). */
static int copy_out(const char *cmd, const char *name, int fd, long long limit)
{
	char buf[TEXT_CHUNK];

	while (limit) {
		size_t want =
			limit < 0 ? sizeof(buf) :
				    (size_t)MIN((long long)sizeof(buf), limit);
		ssize_t n = shell_read(fd, buf, want);
		int ret;

		if (n == -ERESTARTSYS)
			return (int)n;
		if (n < 0) {
			console_eprintf("%s: %s: %s\n", cmd, name,
					errno_text((int)n));
			return SHELL_FAILED;
		}
		if (!n)
			break;
		ret = shell_write(CONSOLE_STDOUT, buf, (size_t)n);
		if (ret)
			return write_failed(cmd, ret);
		if (limit > 0)
			limit -= n;
	}
	return 0;
}

static int cmd_cat(char *args)
{
	char *name = args_word(&args);
	int status = 0;

	if (!name)
		return copy_out("cat", "-", 0, -1);
	for (; name; name = args_word(&args)) {
		int fd = open_input("cat", name), ret;

		if (fd < 0) {
			status = SHELL_FAILED;
			continue;
		}
		ret = copy_out("cat", name, fd, -1);
		close_input(fd);
		if (ret < 0)
			return ret; /* the output is gone, or Ctrl-C */
		if (ret)
			status = ret;
	}
	return status;
}
SHELL_COMMAND_COMPLETE("cat", "[file...]", "print files (or the input)",
		       cmd_cat, shell_complete_path);

/*
 * The whole line in one write, as bash's echo makes it: a file in /sys or
 * /proc takes each write as one value, and would see "7", then "\n".
 */
static int cmd_echo(char *args)
{
	bool newline = true;
	size_t n = 0;
	char *word, *line = kmalloc(strlen(args) + 2, GFP_KERNEL);
	int ret = 0;

	if (!line)
		return write_failed("echo", -ENOMEM);
	if (!strncmp(args, "-n", 2) &&
	    (!args[2] || args[2] == ' ' || args[2] == '\t')) {
		args_word(&args);
		newline = false;
	}
	while ((word = args_word(&args))) {
		memcpy(line + n, word, strlen(word));
		n += strlen(word);
		if (*args)
			line[n++] = ' ';
	}
	if (newline)
		line[n++] = '\n';
	if (n)
		ret = shell_write(CONSOLE_STDOUT, line, n);
	kfree(line);
	return ret ? write_failed("echo", ret) : 0;
}
SHELL_COMMAND("echo", "[-n] [word...]", "print the arguments", cmd_echo);

/* head's count: digits only (no suffixes). */
static bool parse_count(const char *s, long long *out)
{
	long long v = 0;

	if (!s || !*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (1ll << 50))
			return false;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return true;
}

/* Copy the first @lines lines of @fd to standard output. */
static int head_lines(const char *name, int fd, long long lines)
{
	char c;

	while (lines > 0) {
		ssize_t n = shell_read(fd, &c, 1);
		int ret;

		if (n <= 0) {
			if (n && n != -ERESTARTSYS)
				console_eprintf("head: error reading '%s': %s\n",
						name, errno_text((int)n));
			return n == -ERESTARTSYS ? (int)n :
			       n		 ? SHELL_FAILED :
						   0;
		}
		ret = shell_write(CONSOLE_STDOUT, &c, 1);
		if (ret)
			return write_failed("head", ret);
		lines -= c == '\n';
	}
	return 0;
}

static int cmd_head(char *args)
{
	char *opt = args_word(&args), *name;
	long long count = 10;
	bool bytes = false;
	int status = 0, several;

	if (opt && (!strcmp(opt, "-c") || !strcmp(opt, "-n"))) {
		bytes = opt[1] == 'c';
		opt = args_word(&args);
		if (!parse_count(opt, &count)) {
			console_eprintf("head: invalid number of %s: '%s'\n",
					bytes ? "bytes" : "lines",
					opt ? opt : "");
			return SHELL_FAILED;
		}
		opt = args_word(&args);
	}
	name = opt ? opt : "-";
	several = opt && *args;
	for (int i = 0; name; name = args_word(&args), i++) {
		int fd = open_input("head", name), ret;

		if (fd < 0) {
			status = SHELL_FAILED;
			continue;
		}
		if (several)
			console_printf("%s==> %s <==\n", i ? "\n" : "",
				       fd ? name : "standard input");
		ret = bytes ? copy_out("head", name, fd, count) :
			      head_lines(name, fd, count);
		close_input(fd);
		if (ret < 0)
			return ret;
		status = ret ? ret : status;
	}
	return status;
}
SHELL_COMMAND_COMPLETE("head", "[-c N|-n N] [file...]",
		       "print the first bytes or lines", cmd_head,
		       shell_complete_path);

static int cmd_yes(char *args)
{
	const char *word = *args ? args : "y";
	char buf[TEXT_CHUNK];
	size_t len = strlen(word), fill = 0;

	if (len + 1 > sizeof(buf))
		return -EINVAL;
	while (fill + len + 1 <= sizeof(buf)) {
		memcpy(buf + fill, word, len);
		buf[fill + len] = '\n';
		fill += len + 1;
	}
	for (;;) {
		int ret = shell_write(CONSOLE_STDOUT, buf, fill);

		if (ret)
			return write_failed("yes", ret);
		if (signal_pending(current))
			return -EINTR; /* Ctrl-C, even where writes never wait */
	}
}
SHELL_COMMAND("yes", "[word]", "print a line for ever", cmd_yes);
