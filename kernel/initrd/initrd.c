/*
 * The initrd GRUB loaded as the Multiboot2 module "initrd": checked and
 * indexed once at boot (a rootfs initcall), then read in place through
 * the direct map by the shell's ls/cat.  unpack.c copies it into the root
 * file system, which everything else reads.
 */
#define pr_fmt(fmt) "initrd: " fmt

#include <kernel/args.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/initrd.h>
#include <kernel/mm.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "internal.h"

#define INITRD_MODULE_NAME "initrd" /* tools/mkiso.sh: module2 ... initrd */

static struct cpio_archive initrd_archive; /* empty until validated */
static bool initrd_valid;

int initrd_open(const char *path, struct initrd_file *f)
{
	struct cpio_entry e;
	int ret;

	if (!initrd_valid)
		return -ENOENT;
	ret = cpio_lookup(&initrd_archive, path, &e);
	if (ret)
		return ret;
	f->name = e.name;
	f->data = e.data;
	f->size = e.size;
	f->is_dir = cpio_is_dir(&e);
	f->mode = e.mode;
	return 0;
}

int initrd_list(const char *path,
		int (*fn)(void *arg, const char *name, size_t len, bool is_dir),
		void *arg)
{
	if (!initrd_valid)
		return -ENOENT;
	return cpio_list(&initrd_archive, path, fn, arg);
}

const struct boot_module *__init initrd_boot_module(void)
{
	for (size_t i = 0; i < boot_info.module_count; i++)
		if (!strcmp(boot_info.modules[i].name, INITRD_MODULE_NAME))
			return &boot_info.modules[i];
	return NULL;
}

/*
 * A bad initrd is reported here and boot goes on without it; the initcall
 * itself succeeded, so it returns 0 and initcall code adds no second line.
 */
/* excerpt: initrd-init */
static int __init initrd_init(void)
{
	const struct boot_module *mod = initrd_boot_module();
	struct cpio_entry *index;
	char err[160];
	size_t size;
	int ret;

	if (!mod) {
		pr_notice("no boot module named \"%s\"; booting without one\n",
			  INITRD_MODULE_NAME);
		return 0;
	}
	/*
	 * A module lies in RAM below 4 GiB (its tag's addresses are 32-bit,
	 * Multiboot2 §3.6.6), all of which the direct map covers; the frame
	 * allocator keeps its frames reserved.
	 */
	size = mod->end - mod->start;
	ret = cpio_open(&initrd_archive, phys_to_virt(mod->start), size, err,
			sizeof(err));
	if (ret) {
		pr_err("rejected: %s; booting without it\n", err);
		return 0;
	}
	/*
	 * Lookups and listings search an index sorted by path (64 bytes an
	 * entry, kept for good, as the archive is): walking the archive made
	 * ls of a directory of 20,000 files take 25 seconds.  An empty
	 * archive needs none (kmalloc(0) may return NULL).
	 */
	index = kmalloc(initrd_archive.count * sizeof(*index), GFP_KERNEL);
	if (!index && initrd_archive.count) {
		pr_err("no memory to index its %zu entries; booting without it\n",
		       initrd_archive.count);
		return 0;
	}
	cpio_index(&initrd_archive, index);
	initrd_valid = true;
	pr_info("%zu entries, %zu bytes at %#lx\n", initrd_archive.count, size,
		(unsigned long)mod->start);
	return 0;
}
rootfs_initcall(initrd_init);
/* excerpt-end: initrd-init */

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

	console_write("'", 1);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (ls_control(c)) {
			if (!escaping)
				console_write("'$'", 3);
			escaping = true;
			ls_put_escape(c);
			continue;
		}
		if (escaping)
			console_write("''", 2); /* close $'...', open '...' */
		escaping = false;
		if (c == '\'')
			console_write("'\\''", 4);
		else
			console_write(name + i, 1);
	}
	console_write("'", 1);
}

static int ls_print(void *arg, const char *name, size_t len, bool is_dir)
{
	bool special = false, quote = false, double_quotes = true;

	for (size_t i = 0; i < len; i++) {
		special |= ls_special(name, i);
		quote |= name[i] == '\'';
		double_quotes &= ls_double_quotable((unsigned char)name[i]);
	}
	if (!special)
		console_write(name, len);
	else if (quote && double_quotes)
		console_printf("\"%.*s\"", (int)len, name);
	else
		ls_put_quoted(name, len);
	console_printf("%s\n", is_dir ? "/" : "");
	return 0;
}

static int cmd_ls(char *args)
{
	static char root[] = "/";
	char *path = args_word(&args);
	bool several = path && *args; /* the line is trimmed: more follow */
	struct initrd_file f;
	int ret, status = 0;

	for (int i = 0; path || i == 0; path = args_word(&args), i++) {
		if (!path)
			path = root;
		ret = initrd_open(path, &f);
		if (!ret && !f.is_dir) {
			console_printf("%s\n", path);
			continue;
		}
		if (several)
			console_printf("%s%s:\n", i ? "\n" : "", path);
		if (!ret)
			ret = initrd_list(path, ls_print, NULL);
		if (ret) {
			console_printf("ls: cannot access '%s': %s\n", path,
				       errno_text(ret));
			status = ret;
		}
	}
	return status;
}
SHELL_COMMAND_COMPLETE("ls", "[dir...]", "list initrd files", cmd_ls,
		       initrd_list);

static int cmd_cat(char *args)
{
	struct initrd_file f;
	char *path;
	int ret, status = 0;

	if (!*args)
		return -EINVAL;
	while ((path = args_word(&args))) {
		ret = initrd_open(path, &f);
		if (!ret && f.is_dir)
			ret = -EISDIR;
		if (ret) {
			console_printf("cat: %s: %s\n", path, errno_text(ret));
			status = -EIO;
			continue;
		}
		console_write(f.data, f.size);
	}
	return status;
}
SHELL_COMMAND_COMPLETE("cat", "file...", "print initrd files", cmd_cat,
		       initrd_list);
