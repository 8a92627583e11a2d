/*
 * In-kernel tests of the shell's file commands where a typed line cannot
 * reach: a file name holding an escape byte, which ls must show quoted
 * as GNU ls does ($'\033'), never raw.  The test thread runs ls as a
 * pipeline stage would, its descriptor 1 a file it then reads back.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "../../kernel/shell/internal.h"

#define OUT_FILE "/ktest_ls.out"

/* Run the command line @line with descriptor 1 on OUT_FILE; its status,
 * and what it wrote in @buf (@size bytes, NUL-terminated). */
static int run_to_file(struct ktest *t, const char *line, char *buf,
		       size_t size)
{
	struct task_struct *self = current;
	char words[64], *args;
	const struct shell_cmd *cmd;
	struct file *out, *saved;
	loff_t pos = 0;
	ssize_t n;
	int ret;

	strlcpy(words, line, sizeof(words));
	args = strchr(words, ' ');
	*args++ = '\0';
	cmd = shell_find(words);
	KT_EXPECT(t, cmd);
	if (!cmd ||
	    file_open_name(OUT_FILE, O_RDWR | O_CREAT | O_TRUNC, 0644, &out))
		return -ENOENT;
	saved = fget(1);
	replace_fd(1, out, 0);
	shell_input_foreground(&self, 1); /* its output goes to fd 1 */
	ret = cmd->fn(args);
	shell_input_foreground(NULL, 0);
	replace_fd(1, saved, 0);
	if (saved)
		fput(saved);
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
	KT_EXPECT_EQ(t, run_to_file(t, "ls /ktest_odd", buf, sizeof(buf)), 0);
	if (strcmp(buf, "'red'$'\\033''[31m'\n"))
		ktest_fail(t, __FILE__, __LINE__, "ls wrote \"%s\"", buf);
	KT_EXPECT(t, !strchr(buf, '\033'));
	ksys_unlink("/ktest_odd/red\033[31m");
	KT_EXPECT_EQ(t, ksys_rmdir("/ktest_odd"), 0);
}

static void ls_of_a_missing_name_fails(struct ktest *t)
{
	char buf[128];

	KT_EXPECT_EQ(t, run_to_file(t, "ls /ktest_none", buf, sizeof(buf)),
		     SHELL_FAILED);
	KT_EXPECT_EQ(t, buf[0], '\0'); /* the message went to fd 2 */
}

KTEST_SUITE(shell_files, KTEST_CASE(ls_quotes_an_escape_byte),
	    KTEST_CASE(ls_of_a_missing_name_fails));
