/*
 * The kernel shell: reads lines from the serial console and runs commands.
 * Anything a user types is bounded and checked; no input can crash it.
 */
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/power.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>

#define SHELL_LINE_MAX 256
#define SHELL_ARGS_MAX 16
#define CTRL(c) ((c) & 0x1f)

struct shell_cmd {
	const char *name;
	const char *help;
	int (*fn)(int argc, char **argv);
};

static const struct shell_cmd shell_cmds[];

static void out(const char *s)
{
	console_write(s, strlen(s));
}

static void outf(const char *fmt, ...) __printf(1, 2);
static void outf(const char *fmt, ...)
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
	for (const struct shell_cmd *c = shell_cmds; c->name; c++)
		outf("  %-10s %s\n", c->name, c->help);
	return 0;
}

static void dmesg_line(void *arg, int level, uint64_t ns, const char *text)
{
	char stamp[32];

	log_format_stamp(stamp, sizeof(stamp), ns);
	outf("%s%s\n", stamp, text);
}

static int cmd_dmesg(int argc, char **argv)
{
	log_for_each(dmesg_line, NULL);
	return 0;
}

static int cmd_cmdline(int argc, char **argv)
{
	outf("%s\n", saved_command_line);
	return 0;
}

static int cmd_uptime(int argc, char **argv)
{
	uint64_t ns = ktime_get_ns();

	outf("up %llu.%02llu seconds\n", ns / NSEC_PER_SEC,
	     ns % NSEC_PER_SEC / 10000000);
	return 0;
}

static int cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		outf("%s%s", argv[i], i + 1 < argc ? " " : "");
	out("\n");
	return 0;
}

static int cmd_poweroff(int argc, char **argv)
{
	machine_poweroff();
}

static int cmd_reboot(int argc, char **argv)
{
	machine_restart();
}

static const struct shell_cmd shell_cmds[] = {
	{ "help", "list the commands", cmd_help },
	{ "dmesg", "print the kernel log", cmd_dmesg },
	{ "cmdline", "print the kernel command line", cmd_cmdline },
	{ "uptime", "time since boot", cmd_uptime },
	{ "echo", "print the arguments", cmd_echo },
	{ "reboot", "restart the machine", cmd_reboot },
	{ "poweroff", "turn the machine off", cmd_poweroff },
	{ NULL, NULL, NULL },
};

static void shell_exec(char *line)
{
	char *argv[SHELL_ARGS_MAX + 1], *key, *val;
	int argc = 0;

	while (argc < SHELL_ARGS_MAX && cmdline_next(&line, &key, &val)) {
		if (val)
			val[-1] = '=';	/* keep "a=b" as one word */
		argv[argc++] = key;
	}
	argv[argc] = NULL;
	if (!argc)
		return;
	for (const struct shell_cmd *c = shell_cmds; c->name; c++) {
		if (!strcmp(c->name, argv[0])) {
			c->fn(argc, argv);
			return;
		}
	}
	outf("%s: command not found (type 'help' for the list)\n", argv[0]);
}

/* Wait for a byte from the serial line. */
static int shell_getc(void)
{
	int c;

	while ((c = serial_getc()) < 0)
		cpu_relax();
	return c;
}

/* Read one line with backspace, Ctrl-U and Ctrl-C; returns its length. */
static size_t shell_readline(char *buf, size_t size)
{
	size_t len = 0;

	for (;;) {
		int c = shell_getc();

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
