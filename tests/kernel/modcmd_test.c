/*
 * The status the module shell commands give the shell: SHELL_FAILED for
 * every failure they have explained themselves, so the shell prints no
 * usage line after it; -EINVAL, for the usage, only when the words are
 * wrong; 0 on success.  Each command is run as the shell runs it, found
 * by name in the command table, on the sample modules.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "../../kernel/shell/internal.h"
#include "modfiles.h"

/* Run @line ("insmod nope") as the shell would; its status. */
static int run(struct ktest *t, const char *line)
{
	char buf[64], *args;
	const struct shell_cmd *cmd;

	strlcpy(buf, line, sizeof(buf));
	args = strchr(buf, ' ');
	if (args)
		*args++ = '\0';
	else
		args = buf + strlen(buf);
	cmd = shell_find(buf);
	if (!cmd) {
		ktest_fail(t, __FILE__, __LINE__, "no command %s", buf);
		return 0;
	}
	return cmd->fn(args);
}

/* Run @line; fail @t, naming the line, unless it returns @status. */
static void expect_status(struct ktest *t, const char *line, int status)
{
	int got = run(t, line);

	if (got != status)
		ktest_fail(t, __FILE__, __LINE__,
			   "'%s' returned %d, expected %d", line, got, status);
}

static void test_usage_errors_return_einval(struct ktest *t)
{
	expect_status(t, "insmod", -EINVAL);
	expect_status(t, "rmmod", -EINVAL);
	expect_status(t, "rmmod hello extra", -EINVAL);
	expect_status(t, "modinfo", -EINVAL);
	expect_status(t, "modprobe", -EINVAL);
	expect_status(t, "kallsyms hello extra", -EINVAL);
	expect_status(t, "modules_disable now", -EINVAL);
}

static void test_missing_module_returns_shell_failed(struct ktest *t)
{
	expect_status(t, "insmod no_such_module", SHELL_FAILED);
	expect_status(t, "insmod /no/such/file.ko", SHELL_FAILED);
	expect_status(t, "rmmod no_such_module", SHELL_FAILED);
	expect_status(t, "modprobe no_such_module", SHELL_FAILED);
	expect_status(t, "modinfo no_such_module", SHELL_FAILED);
	expect_status(t, "kallsyms no_such_module", SHELL_FAILED);
}

static void test_refused_load_returns_shell_failed(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	expect_status(t, "insmod failinit", SHELL_FAILED);
	expect_status(t, "modprobe failinit", SHELL_FAILED);
	expect_status(t, "insmod hello", 0);
	expect_status(t, "insmod hello", SHELL_FAILED); /* -EEXIST */
	expect_status(t, "insmod hello.ko", SHELL_FAILED);
	expect_status(t, "rmmod hello", 0);
	KT_EXPECT(t, module_find("hello") == NULL);
}

static void test_refused_removal_returns_shell_failed(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	expect_status(t, "modprobe exporter", 0);
	expect_status(t, "insmod importer", 0);
	expect_status(t, "rmmod exporter", SHELL_FAILED); /* in use */
	expect_status(t, "lsmod", 0);
	expect_status(t, "modinfo exporter", 0);
	expect_status(t, "kallsyms exporter", 0);
	expect_status(t, "rmmod importer", 0);
	expect_status(t, "rmmod exporter", 0);
	KT_EXPECT(t, module_find("exporter") == NULL);
}

KTEST_SUITE(modcmd, KTEST_CASE(test_usage_errors_return_einval),
	    KTEST_CASE(test_missing_module_returns_shell_failed),
	    KTEST_CASE(test_refused_load_returns_shell_failed),
	    KTEST_CASE(test_refused_removal_returns_shell_failed));
