/*
 * The kernel shell: reads lines from the consoles and runs commands from the
 * .shell_cmds table.  Anything a user types is bounded and checked; no input
 * can crash it.
 */
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/power.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define SHELL_LINE_MAX 256
#define SHELL_ARGS_MAX 16
#define CTRL(c) ((c) & 0x1f)

extern const struct shell_cmd __shell_cmds_start[], __shell_cmds_end[];

static void out(const char *s)
{
	console_write(s, strlen(s));
}

void shell_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out(buf);
}

static int cmd_help(int argc, char **argv)
{
	for (const struct shell_cmd *c = __shell_cmds_start;
	     c < __shell_cmds_end; c++)
		shell_printf("  %-10s %-18s %s\n", c->name, c->usage, c->help);
	return 0;
}
SHELL_COMMAND("help", "", "list the commands", cmd_help);

static void dmesg_line(void *arg, int level, uint64_t ns, const char *text)
{
	char stamp[32];

	log_format_stamp(stamp, sizeof(stamp), ns);
	shell_printf("%s%s\n", stamp, text);
}

static int cmd_dmesg(int argc, char **argv)
{
	log_for_each(dmesg_line, NULL);
	return 0;
}
SHELL_COMMAND("dmesg", "", "print the kernel log", cmd_dmesg);

static int cmd_cmdline(int argc, char **argv)
{
	shell_printf("%s\n", saved_command_line);
	return 0;
}
SHELL_COMMAND("cmdline", "", "print the kernel command line", cmd_cmdline);

static int cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		shell_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	out("\n");
	return 0;
}
SHELL_COMMAND("echo", "[word...]", "print the arguments", cmd_echo);

static int cmd_poweroff(int argc, char **argv)
{
	machine_poweroff();
}
SHELL_COMMAND("poweroff", "", "turn the machine off", cmd_poweroff);

static int cmd_reboot(int argc, char **argv)
{
	machine_restart();
}
SHELL_COMMAND("reboot", "", "restart the machine", cmd_reboot);

static const struct shell_cmd *shell_find(const char *name)
{
	for (const struct shell_cmd *c = __shell_cmds_start;
	     c < __shell_cmds_end; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static void shell_exec(char *line)
{
	char *argv[SHELL_ARGS_MAX + 1], *key, *val;
	const struct shell_cmd *cmd;
	int argc = 0, err;

	while (cmdline_next(&line, &key, &val)) {
		if (argc == SHELL_ARGS_MAX) {
			shell_printf("sprout: too many arguments (at most %d)\n",
				     SHELL_ARGS_MAX);
			return;
		}
		if (val)
			val[-1] = '=';	/* keep "a=b" as one word */
		argv[argc++] = key;
	}
	argv[argc] = NULL;
	if (!argc)
		return;
	cmd = shell_find(argv[0]);
	if (!cmd) {
		shell_printf("sprout: %s: command not found (type 'help')\n",
			     argv[0]);
		return;
	}
	err = cmd->fn(argc, argv);
	if (err == -EINVAL)
		shell_printf("usage: %s %s\n", cmd->name, cmd->usage);
}

/* Read one line with backspace, Ctrl-U and Ctrl-C; returns its length. */
static size_t shell_readline(char *buf, size_t size)
{
	size_t len = 0;

	for (;;) {
		int c = console_getc();

		if (c == '\r' || c == '\n') {
			out("\n");
			buf[len] = '\0';
			return len;
		} else if (c == '\b' || c == 0x7f) {
			if (len) {
				len--;
				out("\b \b");
			}
		} else if (c == CTRL('U')) {
			while (len) {
				len--;
				out("\b \b");
			}
		} else if (c == CTRL('C')) {
			out("^C\n");
			buf[0] = '\0';
			return 0;
		} else if (c >= ' ' && c < 0x7f && len + 1 < size) {
			char s[2] = { (char)c, 0 };

			buf[len++] = (char)c;
			out(s);
		}
	}
}

void shell_run(void)
{
	char line[SHELL_LINE_MAX];

	out("Type 'help' for the list of commands.\n");
	for (;;) {
		out("sprout# ");
		shell_readline(line, sizeof(line));
		shell_exec(line);
	}
}
