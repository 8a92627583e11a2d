/*
 * The kernel shell: reads lines from the consoles and runs commands from the
 * .shell_cmds table.  Anything a user types is bounded and checked; no input
 * can crash it.
 */
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>

#include "internal.h"

#define SHELL_ARGS_MAX 16
#define SHELL_PROMPT "sprout# "

/* ECMA-48 §8.3.21 CUP (cursor home) and §8.3.39 ED (erase display). */
#define ANSI_CLEAR_SCREEN "\033[H\033[2J"

void shell_out(const char *s)
{
	console_write(s, strlen(s));
}

void shell_clear_screen(void)
{
	shell_out(ANSI_CLEAR_SCREEN);
}

static int cmd_help(int argc, char **argv)
{
	for (const struct shell_cmd *c = shell_cmd_next(NULL); c;
	     c = shell_cmd_next(c))
		console_printf("  %-10s %-18s %s\n", c->name, c->usage, c->help);
	return 0;
}
SHELL_COMMAND("help", "", "list the commands", cmd_help);

/* dmesg -l: util-linux's level names, or the numbers of KERN_*. */
static const char *const dmesg_level_names[] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

static int dmesg_parse_levels(char *list, unsigned int *mask)
{
	char *name = list, *comma;

	*mask = 0;
	do {
		size_t i;

		comma = strchr(name, ',');
		if (comma)
			*comma = '\0';
		for (i = 0; i < ARRAY_SIZE(dmesg_level_names); i++)
			if (!strcmp(name, dmesg_level_names[i]) ||
			    (name[0] == (char)('0' + i) && !name[1]))
				break;
		if (i == ARRAY_SIZE(dmesg_level_names)) {
			console_printf("dmesg: unknown level '%s'\n", name);
			return -EINVAL;
		}
		*mask |= 1u << i;
		name = comma + 1;
	} while (comma);
	return 0;
}

static void dmesg_line(void *arg, int level, uint64_t ns, const char *text)
{
	const unsigned int *mask = arg;
	char stamp[32];

	if (level >= 0 && level < 32 && !(*mask & (1u << level)))
		return;
	log_format_stamp(stamp, sizeof(stamp), ns);
	console_printf("%s%s\n", stamp, text);
}

static int cmd_dmesg(int argc, char **argv)
{
	unsigned int mask = ~0u;
	int ret;

	if (argc == 3 && !strcmp(argv[1], "-l")) {
		ret = dmesg_parse_levels(argv[2], &mask);
		if (ret)
			return ret;
	} else if (argc != 1) {
		return -EINVAL;
	}
	log_for_each(dmesg_line, &mask);
	return 0;
}
SHELL_COMMAND("dmesg", "[-l level,...]", "print the kernel log",
	      cmd_dmesg);

static int cmd_clear(int argc, char **argv)
{
	shell_clear_screen();
	return 0;
}
SHELL_COMMAND("clear", "", "clear the screen", cmd_clear);

static int cmd_cmdline(int argc, char **argv)
{
	console_printf("%s\n", saved_command_line);
	return 0;
}
SHELL_COMMAND("cmdline", "", "print the kernel command line", cmd_cmdline);

static int cmd_echo(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		console_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	shell_out("\n");
	return 0;
}
SHELL_COMMAND("echo", "[word...]", "print the arguments", cmd_echo);

static void shell_exec(char *line)
{
	char *argv[SHELL_ARGS_MAX + 1], *key, *val;
	const struct shell_cmd *cmd;
	int argc = 0, err;

	while (cmdline_next(&line, &key, &val)) {
		if (argc == SHELL_ARGS_MAX) {
			console_printf("sprout: too many arguments (at most %d)\n",
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
		console_printf("sprout: %s: command not found (type 'help')\n",
			     argv[0]);
		return;
	}
	err = cmd->fn(argc, argv);
	if (err == -EINVAL)
		console_printf("usage: %s %s\n", cmd->name, cmd->usage);
}

__noreturn void shell_run(void)
{
	char line[SHELL_LINE_MAX];

	shell_out("Type 'help' for the list of commands.\n");
	for (;;)
		if (shell_readline(SHELL_PROMPT, line, sizeof(line)) >= 0)
			shell_exec(line);
}
