/*
 * In-kernel tests of the shell's file commands where a typed line cannot
 * reach: a file name holding an escape byte, which ls must show quoted
 * as GNU ls does ($'\033'), never raw; a standard output that fails
 * writes (echo's message).  The test thread runs each command as a
 * pipeline stage would, its descriptor 1 or 2 a file it then reads back.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "../../kernel/shell/internal.h"

#define OUT_FILE "/ktest_ls.out"

/* Run the command line @line as a command thread with descriptor @fd on
 * @file; give back what the descriptor held. */
static int run_with_fd(struct ktest *t, const char *line, unsigned int fd,
		       struct file *file)
{
	struct task_struct *self = current;
	char words[64], *args;
	const struct shell_cmd *cmd;
	struct file *saved;
	int ret;

	strlcpy(words, line, sizeof(words));
	args = strchr(words, ' ');
	*args++ = '\0';
	cmd = shell_find(words);
	KT_EXPECT(t, cmd);
	if (!cmd)
		return -ENOENT;
	saved = fget(fd);
	replace_fd(fd, file, 0);
	shell_input_foreground(&self, 1); /* its output goes to fd 1 and 2 */
	ret = cmd->fn(args);
	shell_input_foreground(NULL, 0);
	replace_fd(fd, saved, 0);
	if (saved)
		fput(saved);
	return ret;
}

/* Run @line with descriptor @fd on OUT_FILE; its status, and what it
 * wrote there in @buf (@size bytes, NUL-terminated). */
static int run_to_file(struct ktest *t, const char *line, unsigned int fd,
		       char *buf, size_t size)
{
	struct file *out;
	loff_t pos = 0;
	ssize_t n;
	int ret;

	if (file_open_name(OUT_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644, &out))
		return -ENOENT;
	ret = run_with_fd(t, line, fd, out);
	n = kernel_read(out, buf, size - 1, &pos);
	buf[n < 0 ? 0 : n] = '\0';
	fput(out);
	ksys_unlink(OUT_FILE);
	return ret;
}

static void ls_quotes_an_escape_byte(struct ktest *t)
{
	char buf[128];
	int fd;

	KT_EXPECT_EQ(t, ksys_mkdir("/ktest_odd", 0755), 0);
	fd = do_sys_open("/ktest_odd/red\033[31m", O_WRONLY | O_CREAT, 0644);
	KT_EXPECT(t, fd >= 0);
	if (fd >= 0)
		close_fd(fd);
	KT_EXPECT_EQ(t, run_to_file(t, "ls /ktest_odd", 1, buf, sizeof(buf)),
		     0);
	if (strcmp(buf, "'red'$'\\033''[31m'\n"))
		ktest_fail(t, __FILE__, __LINE__, "ls wrote \"%s\"", buf);
	KT_EXPECT(t, !strchr(buf, '\033'));
	ksys_unlink("/ktest_odd/red\033[31m");
	KT_EXPECT_EQ(t, ksys_rmdir("/ktest_odd"), 0);
}

static void ls_of_a_missing_name_fails(struct ktest *t)
{
	char buf[128];

	KT_EXPECT_EQ(t, run_to_file(t, "ls /ktest_none", 1, buf, sizeof(buf)),
		     SHELL_FAILED);
	KT_EXPECT_EQ(t, buf[0], '\0'); /* the message went to fd 2 */
}

/* echo whose standard output cannot be written says so on fd 2, in
 * coreutils' words. */
static void echo_reports_a_failed_write(struct ktest *t)
{
	struct file *ro, *saved;
	char buf[128];

	KT_EXPECT_EQ(t,
		     file_open_name("/ktest_ro", O_RDONLY | O_CREAT, 0644, &ro),
		     0);
	saved = fget(1);
	replace_fd(1, ro, 0); /* writes to it fail with EBADF */
	KT_EXPECT_EQ(t, run_to_file(t, "echo x", 2, buf, sizeof(buf)),
		     SHELL_FAILED);
	replace_fd(1, saved, 0);
	if (saved)
		fput(saved);
	if (strcmp(buf, "echo: write error: Bad file descriptor\n"))
		ktest_fail(t, __FILE__, __LINE__, "echo wrote \"%s\"", buf);
	fput(ro);
	ksys_unlink("/ktest_ro");
}

KTEST_SUITE(shell_files, KTEST_CASE(ls_quotes_an_escape_byte),
	    KTEST_CASE(ls_of_a_missing_name_fails),
	    KTEST_CASE(echo_reports_a_failed_write));
