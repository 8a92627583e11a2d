/*
 * ls: a directory's names in order, or a file's own, GNU ls's way in the
 * C locale -- -a adds "." and "..", -l the long format.  Sprout keeps no
 * file times, so
 * -l shows the epoch (Jan  1  1970), as Linux does for a time of zero.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#include "dir_names.h"
#include "internal.h"

/*
 * ls shows a name as GNU ls does on a terminal (--quoting-style=shell-escape,
 * in the C locale), so that no byte of a file name reaches the terminal as
 * a control: a name without special bytes as it is; else quoted for a
 * POSIX shell, each control or non-ASCII byte written as $'\ooo'.
 */
static bool ls_control(unsigned char c)
{
	return c < ' ' || c >= 0x7f;
}

/* Does byte @i of @name make the shell read the name otherwise? */
static bool ls_special(const char *name, size_t i)
{
	unsigned char c = (unsigned char)name[i];

	if (ls_control(c) || (i == 0 && (c == '#' || c == '~')))
		return true;
	return c && strchr(" !\"$&'()*;<=>?[\\^`|", c);
}

/* Can @c stand in a "..." that GNU ls chooses for a name holding a '? */
static bool ls_double_quotable(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (c && strchr(" %+,-./:@]_'", c));
}

/* The control byte @c as in $'...': a C escape, else three octal digits. */
static void ls_put_escape(unsigned char c)
{
	static const char controls[] = "\a\b\t\n\v\f\r";
	static const char letters[] = "abtnvfr";
	const char *s = c ? strchr(controls, c) : NULL;

	if (s)
		console_printf("\\%c", letters[s - controls]);
	else
		console_printf("\\%03o", c);
}

/* @name quoted: in '...', a ' as '\'', controls as '$'\ooo''. */
static void ls_put_quoted(const char *name, size_t len)
{
	bool escaping = false; /* inside $'...' rather than '...' */

	console_printf("'");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (ls_control(c)) {
			if (!escaping)
				console_printf("'$'");
			escaping = true;
			ls_put_escape(c);
			continue;
		}
		if (escaping)
			console_printf("''"); /* close $'...', open '...' */
		escaping = false;
		if (c == '\'')
			console_printf("'\\''");
		else
			console_printf("%c", c);
	}
	console_printf("'");
}

static void ls_put_name(const char *name, size_t len)
{
	bool special = false, quote = false, double_quotes = true;

	for (size_t i = 0; i < len; i++) {
		special |= ls_special(name, i);
		quote |= name[i] == '\'';
		double_quotes &= ls_double_quotable((unsigned char)name[i]);
	}
	if (!special)
		console_printf("%.*s", (int)len, name);
	else if (quote && double_quotes)
		console_printf("\"%.*s\"", (int)len, name);
	else
		ls_put_quoted(name, len);
}

/* What -l needs to align its columns. */
struct ls_widths {
	int nlink, size;
	unsigned long long blocks;
};

static int ls_digits(unsigned long long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

static int ls_size_width(const struct kstat *st)
{
	if (S_ISCHR(st->mode) || S_ISBLK(st->mode))
		return ls_digits(MAJOR(st->rdev)) + 2 +
		       ls_digits(MINOR(st->rdev));
	return ls_digits((unsigned long long)st->size);
}

static void ls_widen(struct ls_widths *w, const struct kstat *st)
{
	w->nlink = MAX(w->nlink, ls_digits(st->nlink));
	w->size = MAX(w->size, ls_size_width(st));
	w->blocks += st->blocks;
}

static void ls_long(const char *path, const char *name, const struct kstat *st,
		    const struct ls_widths *w)
{
	char mode[11], size[32], target[PATH_MAX];

	shell_mode_string(st->mode, mode);
	if (S_ISCHR(st->mode) || S_ISBLK(st->mode))
		snprintf(size, sizeof(size), "%u, %u", MAJOR(st->rdev),
			 MINOR(st->rdev));
	else
		snprintf(size, sizeof(size), "%lld", st->size);
	console_printf("%s %*u root root %*s Jan  1  1970 ", mode, w->nlink,
		       st->nlink, w->size, size);
	ls_put_name(name, strlen(name));
	if (S_ISLNK(st->mode) &&
	    vfs_readlink(path, target, sizeof(target)) >= 0)
		console_printf(" -> %s", target);
	console_printf("\n");
}

struct ls_opts {
	bool all, longf;
	char path[PATH_MAX];
};

/* Stat "@o->path/@name" and widen @w by it, or print it with @w. */
static void ls_entry(struct ls_opts *o, const char *name, struct ls_widths *w,
		     bool print)
{
	size_t dir_len = strlen(o->path);
	struct kstat st;

	snprintf(o->path + dir_len, sizeof(o->path) - dir_len, "%s%s",
		 dir_len && o->path[dir_len - 1] == '/' ? "" : "/", name);
	if (!vfs_lstat(o->path, &st)) {
		if (print)
			ls_long(o->path, name, &st, w);
		else
			ls_widen(w, &st);
	}
	o->path[dir_len] = '\0';
}

/* One pass over the directory @dir (open) for ls_entry(), or plain names. */
static int ls_pass(struct ls_opts *o, struct file *dir,
		   struct shell_dir_chunk *c, struct ls_widths *w, bool print)
{
	static const char *const dots[] = { ".", ".." };
	int ret;

	for (int i = 0; o->all && i < 2; i++) {
		if (o->longf)
			ls_entry(o, dots[i], w, print);
		else
			console_printf("%s\n", dots[i]);
	}
	c->ctx.pos = 0;
	while (!(ret = shell_dir_next(dir, c)) && c->used)
		for (char *n = c->names; n < c->names + c->used;
		     n += strlen(n) + 1)
			if (o->longf) {
				ls_entry(o, n, w, print);
			} else {
				ls_put_name(n, strlen(n));
				console_printf("\n");
			}
	return ret;
}

static int ls_dir(struct ls_opts *o)
{
	struct shell_dir_chunk *c = kzalloc(sizeof(*c), GFP_KERNEL);
	struct ls_widths w = { 0 };
	struct file *dir;
	int ret = c ? file_open_name(o->path, O_RDONLY | O_DIRECTORY, 0, &dir) :
		      -ENOMEM;

	if (ret)
		goto out;
	c->ctx.actor = shell_dir_collect;
	c->all = o->all;
	if (o->longf) {
		ret = ls_pass(o, dir, c, &w, false);
		console_printf("total %llu\n", w.blocks / 2);
	}
	if (!ret)
		ret = ls_pass(o, dir, c, &w, true);
	fput(dir);
out:
	kfree(c);
	return ret;
}

/* An operand: 0 listed, 1 a directory left for the second round. */
static int ls_operand(struct ls_opts *o, const char *name, bool dirs)
{
	struct kstat st;
	struct ls_widths w = { 0 };
	int ret = o->longf ? vfs_lstat(name, &st) : vfs_stat(name, &st);

	if (ret) {
		if (!dirs)
			console_eprintf("ls: cannot access '%s': %s\n", name,
					errno_text(ret));
		return ret;
	}
	if (S_ISDIR(st.mode))
		return 1;
	if (dirs)
		return 0;
	if (o->longf) {
		strcpy(o->path, name);
		ls_widen(&w, &st);
		ls_long(name, name, &st, &w);
	} else {
		ls_put_name(name, strlen(name));
		console_printf("\n");
	}
	return 0;
}

/* ls's options; false (with the message said) for one it does not know. */
static bool ls_options(char **args, struct ls_opts *o, char **first)
{
	char *w;

	while ((w = args_word(args)) && w[0] == '-' && w[1]) {
		for (char *c = w + 1; *c; c++) {
			if (*c != 'a' && *c != 'l') {
				console_eprintf("ls: invalid option -- '%c'\n"
						"Try 'ls --help' for more information.\n",
						*c);
				return false;
			}
			o->all |= *c == 'a';
			o->longf |= *c == 'l';
		}
	}
	*first = w;
	return true;
}

/* GNU ls's order: files named on the line, then each directory's names. */
static int cmd_ls(char *args)
{
	struct ls_opts *o = kzalloc(sizeof(*o), GFP_KERNEL);
	char *first, *rest, *name, dot[] = ".";
	int status = 0, shown = 0, operands = 0;

	if (!o)
		return -ENOMEM;
	if (!ls_options(&args, o, &first)) {
		kfree(o);
		return SHELL_FAILED;
	}
	if (!first)
		first = dot;
	rest = args;
	for (name = first; name; name = args_word(&args), operands++) {
		int ret = ls_operand(o, name, false);

		status = ret < 0 ? SHELL_FAILED : status;
		shown += !ret;
	}
	args = rest;
	for (name = first; name; name = args_word(&args)) {
		if (ls_operand(o, name, true) != 1)
			continue;
		if (operands > 1)
			console_printf("%s%s:\n", shown++ ? "\n" : "", name);
		strcpy(o->path, name);
		if (ls_dir(o)) {
			console_eprintf("ls: cannot open directory '%s'\n",
					name);
			status = SHELL_FAILED;
		}
	}
	kfree(o);
	return status;
}
SHELL_COMMAND_COMPLETE("ls", "[-al] [file...]", "list directories", cmd_ls,
		       shell_complete_path);
