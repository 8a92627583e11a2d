/*
 * Where module files come from and loading by name: /lib/modules/<name>.ko
 * read through the VFS (or a file GRUB loaded as a boot module),
 * /lib/modules/modules.dep for modprobe's dependency order, and
 * /etc/modules, the list loaded at boot (then the command line's
 * modules=a,b).  The dependency walk itself is deps.c; this file gives it
 * the loader, and each module its name.param=value command-line arguments.
 */
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/init.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

#define MODULE_PATH_MAX 96
#define MODULES_DIR "/" MODULES_DIR_NAME "/"
#define MODULES_DEP MODULES_DIR "modules.dep"
#define ETC_MODULES "/etc/modules"
#define MODULE_FILE_MAX (64 << 20) /* bytes: as ramfs's largest file */

/* The boot module called @name or @name.ko (any directory), or NULL. */
const struct boot_module *modprobe_boot_file(const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < boot_info.module_count; i++) {
		const struct boot_module *bm = &boot_info.modules[i];
		const char *base = strrchr(bm->name, '/');

		base = base ? base + 1 : bm->name;
		if (!strncmp(base, name, n) &&
		    (!base[n] || !strcmp(base + n, ".ko")))
			return bm;
	}
	return NULL;
}

const char *modprobe_strerror(int err)
{
	/* kmod's texts for what init_module(2) returns (libkmod mod_strerror). */
	switch (err < 0 ? -err : err) {
	case ENOEXEC:
		return "Invalid module format";
	case ENOENT:
		return "Unknown symbol in module";
	case ESRCH:
		return "Module has wrong symbol version";
	case EINVAL:
		return "Invalid parameters";
	default:
		return errno_text(err);
	}
}

/* Read all of the open regular file @f into a new buffer. */
static int read_whole(struct file *f, void **buf, size_t *len)
{
	loff_t size = f->f_inode->i_size, pos = 0;
	ssize_t n;
	char *data;

	if (size > MODULE_FILE_MAX)
		return -EFBIG;
	data = kmalloc(size ? size : 1, GFP_KERNEL); /* kmalloc(0) is NULL */
	if (!data)
		return -ENOMEM;
	do
		n = kernel_read(f, data + pos, size - pos, &pos);
	while (n > 0 && pos < size);
	if (n < 0) {
		kfree(data);
		return n;
	}
	*buf = data;
	*len = pos;
	return 0;
}

int modprobe_read_file(const char *path, void **buf, size_t *len)
{
	struct file *f;
	int err = file_open_name(path, O_RDONLY, 0, &f);

	if (err)
		return err;
	if (S_ISDIR(f->f_inode->i_mode))
		err = -EISDIR;
	else if (!S_ISREG(f->f_inode->i_mode))
		err = -EINVAL; /* as Linux's kernel_read_file() */
	else
		err = read_whole(f, buf, len);
	fput(f);
	return err;
}

int modprobe_file_at(const char *path, const void **buf, size_t *len)
{
	return modprobe_read_file(path, (void **)buf, len);
}

struct spelling {
	struct dir_context ctx;
	const char *name;			    /* as asked for */
	char file[MODULE_NAME_LEN + sizeof(".ko")]; /* as found */
	int found;
};

/* iterate_dir actor: a NAME.ko whose NAME matches with '-' and '_' alike. */
static bool match_spelling(struct dir_context *ctx, const char *file,
			   unsigned int len, unsigned long ino, umode_t mode)
{
	struct spelling *sp = (struct spelling *)ctx;
	size_t n = len - strlen(".ko");

	if (S_ISDIR(mode) || len <= strlen(".ko") || len >= sizeof(sp->file) ||
	    strncmp(file + n, ".ko", strlen(".ko")) ||
	    !module_name_eq(file, n, sp->name))
		return true;
	memcpy(sp->file, file, len);
	sp->file[len] = '\0';
	sp->found = 1;
	return false;
}

/* hello_1 is /lib/modules/hello-1.ko, and the other way round. */
static int find_spelling(struct spelling *sp)
{
	struct file *dir;

	if (file_open_name(MODULES_DIR, O_RDONLY | O_DIRECTORY, 0, &dir))
		return 0;
	iterate_dir(dir, &sp->ctx);
	fput(dir);
	return sp->found;
}

int modprobe_file(const char *name, const void **buf, size_t *len)
{
	char path[MODULE_PATH_MAX];
	struct spelling sp = { .ctx.actor = match_spelling, .name = name };
	const struct boot_module *bm;

	if (snprintf(path, sizeof(path), MODULES_DIR "%s.ko", name) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	if (!modprobe_file_at(path, buf, len))
		return 0;
	if (find_spelling(&sp) &&
	    snprintf(path, sizeof(path), MODULES_DIR "%s", sp.file) <
		    (int)sizeof(path) &&
	    !modprobe_file_at(path, buf, len))
		return 0;
	bm = modprobe_boot_file(name);
	if (!bm)
		return -ENOENT;
	*len = (size_t)(bm->end - bm->start);
	*buf = kmemdup(phys_to_virt(bm->start), *len ? *len : 1, GFP_KERNEL);
	return *buf ? 0 : -ENOMEM;
}

static int probe_dep(void *ctx, const char *name, struct modprobe_dep_pos *pos,
		     char out[MODULE_NAME_LEN])
{
	const struct modules_dep *md = ctx;
	const void *buf;
	size_t len;

	/*
	 * A module modules.dep lists but /lib/modules lacks is missing too (the
	 * file was removed after depmod).  Without modules.dep a module that
	 * exists has no dependencies.
	 */
	if (!pos->started) {
		if (modprobe_file(name, &buf, &len))
			return -ENOENT;
		kfree((void *)buf);
	}
	if (!md->text)
		return 0;
	return modprobe_dep_of(md, name, pos, out);
}

static bool probe_loaded(void *ctx, const char *name)
{
	return module_find(name) != NULL;
}

/* As Linux's modprobe: the command line's name.param=value, then @args. */
static int probe_load(void *ctx, const char *name, const char *args)
{
	static char all[MODPROBE_ARGS_MAX * 2]; /* one load at a time */
	const void *buf;
	size_t len, n;
	int err = modprobe_file(name, &buf, &len);

	if (err)
		return err;
	err = modprobe_cmdline_args(name, all, sizeof(all));
	n = strlen(all);
	if (!err && *args &&
	    snprintf(all + n, sizeof(all) - n, "%s%s", n ? " " : "", args) >=
		    (int)(sizeof(all) - n))
		err = -E2BIG;
	if (!err)
		err = load_module(name, buf, len, all);
	else
		pr_err("%s: parameters too long\n", name);
	kfree((void *)buf);
	return err;
}

static void probe_report(void *ctx, const char *msg)
{
	pr_err("%s\n", msg);
}

static const struct modprobe_ops probe_ops = {
	.dep = probe_dep,
	.loaded = probe_loaded,
	.load = probe_load,
	.report = probe_report,
};

int modprobe(const char *name, const char *args)
{
	struct modules_dep md = { NULL, 0 };
	void *text = NULL;
	int err;

	if (!modprobe_read_file(MODULES_DEP, &text, &md.len))
		md.text = text;
	err = modprobe_resolve(&probe_ops, &md, name, args ? args : "");
	kfree(text);
	return err;
}

/*
 * The modules etc/modules lists, each after what it depends on.  Late in
 * the initcalls: after the built-in drivers, before init memory is freed.
 */
static void __init load_etc_modules(void)
{
	char name[MODULE_NAME_LEN], args[MODPROBE_ARGS_MAX];
	size_t pos = 0, len;
	void *text;
	int r;

	if (modprobe_read_file(ETC_MODULES, &text, &len))
		return;
	while ((r = modprobe_etc_next(text, len, &pos, name, args)) != 0) {
		if (r < 0) {
			pr_err("%s: line too long, skipped\n", ETC_MODULES);
			continue;
		}
		r = modprobe(name, args);
		if (r)
			pr_err("%s: %s: %s\n", ETC_MODULES, name,
			       errno_name(r) ? errno_name(r) : "error");
	}
}

/* /etc/modules, then modules=a,b from the command line. */
static int __init load_boot_modules(void)
{
	char name[MODULE_NAME_LEN];
	size_t pos = 0, n;
	int r;

	load_etc_modules();
	while ((n = modprobe_boot_list_next(&pos, name)) != 0) {
		if (n == MODULE_NAME_LEN) {
			pr_err("modules=: name too long: %s...\n", name);
			continue;
		}
		r = modprobe(name, "");
		if (r)
			pr_err("modules=: %s: %s\n", name,
			       errno_name(r) ? errno_name(r) : "error");
	}
	return 0;
}
late_initcall_sync(load_boot_modules);
