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
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/shell.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/uaccess.h>

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

/* Undo /dev/kmsg's \xNN escapes in @s, in place, up to its newline. */
static void dmesg_unescape(char *s)
{
	char *out = s;
	unsigned long long c;
	char hex[3] = { 0 };

	for (; *s && *s != '\n'; s++) {
		if (s[0] == '\\' && s[1] == 'x' && s[2] && s[3]) {
			hex[0] = s[2];
			hex[1] = s[3];
			if (!kstrtoull(hex, 16, &c)) {
				*out++ = (char)c;
				s += 3;
				continue;
			}
		}
		*out++ = *s;
	}
	*out = '\0';
}

/* Print one record, "PRIO,SEQ,TS_USEC,FLAGS;TEXT\n", as dmesg does:
 * "[    s.micros] TEXT", if its level is in @mask. */
static void dmesg_record(char *rec, unsigned int mask)
{
	unsigned long long prio, usec;
	char *field = rec, *text = strchr(rec, ';'), *prio_s, *usec_s;
	char stamp[32];

	if (!text)
		return;
	*text++ = '\0';
	prio_s = strsep(&field, ",");
	strsep(&field, ","); /* the sequence number */
	usec_s = strsep(&field, ",");
	if (!usec_s || kstrtoull(prio_s, 10, &prio) ||
	    kstrtoull(usec_s, 10, &usec))
		return;
	if (!(mask & (1u << (prio & 7))))
		return;
	dmesg_unescape(text);
	log_format_stamp(stamp, sizeof(stamp), usec * NSEC_PER_USEC);
	console_printf("%s%s\n", stamp, text);
}

/* Read /dev/kmsg through a descriptor, as util-linux's dmesg does, to the
 * end of the log (-EAGAIN); records lost meanwhile (-EPIPE) are skipped. */
static int dmesg_read_kmsg(unsigned int mask)
{
	const size_t size = LOG_LINE_MAX * 4 + 64;
	struct uaccess_window saved;
	char *buf = kmalloc(size, GFP_KERNEL);
	ssize_t n;
	int fd;

	if (!buf)
		return -ENOMEM;
	fd = do_sys_open("/dev/kmsg", O_RDONLY | O_NONBLOCK, 0);
	if (fd < 0) {
		console_printf("dmesg: cannot open /dev/kmsg: %s\n",
			       errno_text(fd));
		kfree(buf);
		return SHELL_FAILED;
	}
	uaccess_window_open(&saved, buf, size);
	while ((n = ksys_read(fd, buf, size - 1)) > 0 || n == -EPIPE) {
		if (n < 0)
			continue;
		buf[n] = '\0';
		dmesg_record(buf, mask);
	}
	uaccess_window_close(&saved);
	close_fd(fd);
	kfree(buf);
	if (n != -EAGAIN) {
		console_printf("dmesg: read kernel buffer failed: %s\n",
			       errno_text((int)n));
		return SHELL_FAILED;
	}
	return 0;
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
	return dmesg_read_kmsg(mask);
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
	console_write(saved_command_line, strlen(saved_command_line));
	console_write("\n", 1);
	return 0;
}
SHELL_COMMAND("cmdline", "", "print the kernel command line", cmd_cmdline);

static int cmd_echo(char *args)
{
	for (char *word; (word = args_word(&args));)
		console_printf("%s%s", word, *args ? " " : "");
	shell_out("\n");
	return 0;
}
SHELL_COMMAND("echo", "[word...]", "print the arguments", cmd_echo);

static bool shell_blank(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Run @line: its first word names the command, which gets the rest as
 * typed; only the command reads it, once.
 */
static void shell_exec(char *line)
{
	const struct shell_cmd *cmd;
	char *name, *end;
	int err;

	while (shell_blank(*line))
		line++;
	end = line + strlen(line);
	while (end > line && shell_blank(end[-1]))
		*--end = '\0';
	if (!*line)
		return;
	name = line;
	while (*line && !shell_blank(*line))
		line++;
	if (*line)
		*line++ = '\0';
	while (shell_blank(*line))
		line++;
	cmd = shell_find(name);
	if (!cmd) {
		console_printf("sprout: %s: command not found (type 'help')\n",
			       name);
		return;
	}
	err = cmd->fn(line);
	/* A Ctrl-C ended its wait; one that came while it ran without
	 * waiting is read at the prompt like any key. */
	if (signal_pending(current) && (err == -ERESTARTSYS || err == -EINTR)) {
		shell_out("^C\n");
		shell_input_interrupted();
	} else if (err == -EINVAL) {
		console_printf("usage: %s %s\n", cmd->name, cmd->usage);
	}
}

__noreturn void shell_run(void)
{
	char line[SHELL_LINE_MAX];

	shell_out("Type 'help' for the list of commands.\n");
	for (;;)
		if (shell_readline(SHELL_PROMPT, line, sizeof(line)) >= 0)
			shell_exec(line);
}
