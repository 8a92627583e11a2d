/*
 * lsmod, as kmod's: it reads /proc/modules through a descriptor, as a
 * program would, and prints each line as "name size used-by", so the
 * shell command and the file are one code path.  The shell's buffer is
 * the user side of the reads (the thread's user window covers it).
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

#define LSMOD_LINE_MAX 512 /* a name, numbers and every holder's name */

/* The fields of one /proc/modules line, as Linux's m_show() prints them. */
struct lsmod_fields {
	char *name, *size, *refcnt, *deps, *state, *addr, *flags;
};

static bool lsmod_split(char *line, struct lsmod_fields *f)
{
	char **field[] = { &f->name,  &f->size, &f->refcnt, &f->deps,
			   &f->state, &f->addr, &f->flags };

	f->flags = "";
	for (size_t i = 0; i < ARRAY_SIZE(field); i++) {
		char *word = strsep(&line, " ");

		if (!word || !*word)
			return i == ARRAY_SIZE(field) - 1;
		*field[i] = word;
	}
	return true;
}

/*
 * kmod's layout: "%-19s %8s  %s", then the holders after a space, comma
 * separated ("[permanent]" is not a holder); a stuck unload shows -1, a
 * proprietary module (P).
 */
static void lsmod_print(char *line)
{
	struct lsmod_fields f;
	char *holders, *end;

	if (!lsmod_split(line, &f)) {
		console_printf("lsmod: unexpected line in /proc/modules: %s\n",
			       line);
		return;
	}
	holders = strcmp(f.deps, "-") ? f.deps : "";
	if (!strncmp(holders, "[permanent],", 12))
		holders += 12;
	end = holders + strlen(holders);
	if (end > holders && end[-1] == ',')
		end[-1] = '\0';
	console_printf("%-19s %8s  %s%s%s%s\n", f.name, f.size,
		       strcmp(f.state, "Unloading") ? f.refcnt : "-1",
		       *holders ? " " : "", holders,
		       strchr(f.flags, 'P') ? " (P)" : "");
}

/* Read @fd to its end, printing each whole line; 0 or the read's -errno. */
static int lsmod_lines(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;
	char *nl;

	while ((n = ksys_read(fd, buf + len, size - 1 - len)) > 0) {
		len += n;
		buf[len] = '\0';
		while ((nl = strchr(buf, '\n'))) {
			*nl = '\0';
			lsmod_print(buf);
			len -= nl + 1 - buf;
			memmove(buf, nl + 1, len + 1);
		}
		if (len == size - 1)
			return -E2BIG; /* one line longer than the buffer */
	}
	return n;
}

static int cmd_lsmod(char *args)
{
	char buf[LSMOD_LINE_MAX];
	struct uaccess_window saved;
	int fd, err;

	if (*args)
		return -EINVAL;
	fd = do_sys_open("/proc/modules", O_RDONLY, 0);
	if (fd < 0) {
		console_printf("lsmod: ERROR: could not open /proc/modules: %s\n",
			       errno_text(-fd));
		return SHELL_FAILED;
	}
	if (kernel_taint)
		console_printf("%s\n", kernel_taint_string());
	console_printf("%-19s %8s  %s\n", "Module", "Size", "Used by");
	uaccess_window_open(&saved, buf, sizeof(buf));
	err = lsmod_lines(fd, buf, sizeof(buf));
	uaccess_window_close(&saved);
	close_fd(fd);
	if (err) {
		console_printf("lsmod: ERROR: reading /proc/modules: %s\n",
			       errno_text(-err));
		return SHELL_FAILED;
	}
	return 0;
}
SHELL_COMMAND("lsmod", "", "list loaded modules", cmd_lsmod);
