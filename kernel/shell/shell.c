/*
 * The kernel shell: reads lines from the consoles and runs commands from the
 * .shell_cmds table.  Anything a user types is bounded and checked; no input
 * can crash it.
 */
#include <kernel/args.h>
#include <kernel/cmdline.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>

#include "internal.h"

#define SHELL_PROMPT "sprout# "

static int cmd_help(char *args)
{
	for (const struct shell_cmd *c = shell_cmd_next(NULL); c;
	     c = shell_cmd_next(c))
		console_printf("  %-10s %-18s %s\n", c->name, c->usage,
			       c->help);
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

static int cmd_dmesg(char *args)
{
	char *opt = args_word(&args), *levels = args_word(&args);
	unsigned int mask = ~0u;
	int ret;

	if (opt && (strcmp(opt, "-l") || !levels || *args))
		return -EINVAL;
	if (opt) {
		ret = dmesg_parse_levels(levels, &mask);
		if (ret)
			return ret;
	}
	log_for_each(dmesg_line, &mask);
	return 0;
}
SHELL_COMMAND("dmesg", "[-l level,...]", "print the kernel log", cmd_dmesg);

static int cmd_clear(char *args)
{
	shell_clear_screen();
	return 0;
}
SHELL_COMMAND("clear", "", "clear the screen", cmd_clear);

static int cmd_cmdline(char *args)
{
	/* Whole: it may be longer than one console_printf() prints. */
	console_out(CONSOLE_STDOUT, saved_command_line,
		    strlen(saved_command_line));
	console_out(CONSOLE_STDOUT, "\n", 1);
	return 0;
}
SHELL_COMMAND("cmdline", "", "print the kernel command line", cmd_cmdline);

__noreturn void shell_run(void)
{
	char line[SHELL_LINE_MAX];

	shell_out("Type 'help' for the list of commands.\n");
	for (;;)
		if (shell_readline(SHELL_PROMPT, line, sizeof(line)) >= 0)
			shell_pipeline_run(line);
}
