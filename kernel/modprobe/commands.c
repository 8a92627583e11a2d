/*
 * Shell commands for modules: insmod, rmmod, lsmod, modinfo, modprobe and
 * kallsyms.
 * Module files come from the initrd or GRUB's boot modules (modprobe_file()
 * in modprobe.c).  Errors and lsmod read as Linux's kmod tools print them;
 * the kernel log keeps its own lines.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "internal.h"

/* "hello", "hello.ko" or "/lib/modules/hello.ko": the module name. */
static void module_name_of(const char *arg, char *name, size_t size)
{
	const char *base = strrchr(arg, '/');
	size_t n;

	base = base ? base + 1 : arg;
	n = strlen(base);
	if (n > 3 && !strcmp(base + n - 3, ".ko"))
		n -= 3;
	snprintf(name, size, "%.*s", (int)n, base);
}

/* The parameters after the file name go to the loader as typed. */
static int cmd_insmod(char *args)
{
	char *file = args_word(&args), name[MODULE_NAME_LEN];
	const void *buf;
	size_t len;
	int err;

	if (!file)
		return -EINVAL;
	module_name_of(file, name, sizeof(name));
	/* A path names any file of the initrd; a bare name, lib/modules. */
	if (strchr(file, '/') ? modprobe_file_at(file, &buf, &len) :
				modprobe_file(name, &buf, &len)) {
		console_printf("insmod: ERROR: could not load module %s: %s\n",
			       file, errno_text(ENOENT));
		return -ENOENT;
	}
	err = load_module(name, buf, len, args);
	if (err && strchr(file, '/'))
		console_printf(
			"insmod: ERROR: could not insert module %s: %s\n", file,
			modprobe_strerror(err));
	else if (err)
		console_printf(
			"insmod: ERROR: could not insert module %s.ko: %s\n",
			name, modprobe_strerror(err));
	return err ? SHELL_FAILED : 0;
}
SHELL_COMMAND("insmod", "name|/path.ko [param=value ...]", "load a module",
	      cmd_insmod);

/* What holders() walks the module list with. */
struct holders_walk {
	const struct module *mod;
	bool print;
	const char *first, *sep;
	int n;
};

static void holders_one(struct module *m, void *arg)
{
	struct holders_walk *w = arg;

	for (size_t i = 0; i < m->num_uses; i++) {
		if (m->uses[i] != w->mod)
			continue;
		if (w->print)
			console_printf("%s%s", w->n ? w->sep : w->first,
				       m->name);
		w->n++;
	}
}

/*
 * The modules holding a reference on @mod: printed (@first before the
 * first name, @sep before the others) if @print, and counted.
 */
static int holders(const struct module *mod, bool print, const char *first,
		   const char *sep)
{
	struct holders_walk w = { mod, print, first, sep, 0 };

	module_for_each(holders_one, &w);
	return w.n;
}

static int cmd_rmmod(char *args)
{
	char *arg = args_word(&args), name[MODULE_NAME_LEN];
	struct module *mod;
	int err;

	if (!arg || *args)
		return -EINVAL;
	module_name_of(arg, name, sizeof(name));
	mod = module_find(name);
	if (!mod) {
		console_printf(
			"rmmod: ERROR: Module %s is not currently loaded\n",
			name);
		return -ENOENT;
	}
	err = remove_module(name);
	if (err == -EBUSY && mod->refcount > 0) {
		console_printf("rmmod: ERROR: Module %s is in use%s", name,
			       holders(mod, false, "", "") ? " by:" : "");
		holders(mod, true, " ", " ");
		console_printf("\n");
	} else if (err) {
		console_printf("rmmod: ERROR: could not remove module %s: %s\n",
			       name, errno_text(err));
	}
	return err ? SHELL_FAILED : 0;
}
SHELL_COMMAND("rmmod", "name", "remove a module", cmd_rmmod);

/* As kmod's lsmod: name, size in bytes, refcount, then who holds it. */
static void lsmod_one(struct module *mod, void *arg)
{
	console_printf("%-19s %8zu  %d", mod->name,
		       mod->core_size + mod->init_size, mod->refcount);
	holders(mod, true, " ", ",");
	/* As /proc/modules flags it: not under a GPL-compatible license. */
	if (!mod->gpl_compatible)
		console_printf(" (P)");
	console_printf("\n");
}

static int cmd_lsmod(char *args)
{
	if (kernel_taint)
		console_printf("%s\n", kernel_taint_string());
	console_printf("%-19s %8s  %s\n", "Module", "Size", "Used by");
	module_for_each(lsmod_one, NULL);
	return 0;
}
SHELL_COMMAND("lsmod", "", "list loaded modules", cmd_lsmod);

static int cmd_modinfo(char *args)
{
	char *name = args_word(&args), tag[24];
	struct module *mod;
	const char *v;

	if (!name || *args)
		return -EINVAL;
	mod = module_find(name);
	if (!mod) {
		console_printf("modinfo: %s is not loaded\n", name);
		return -ENOENT;
	}
	for (const char *p = mod->modinfo; p < mod->modinfo + mod->modinfo_size;
	     p += strlen(p) + 1) {
		v = strchr(p, '=');
		if (!v)
			continue;
		/* As the host's modinfo prints it: "tag:" in a column. */
		snprintf(tag, sizeof(tag), "%.*s:", (int)(v - p), p);
		console_printf("%-13s %s\n", tag, v + 1);
	}
	console_printf("%-13s %s, refcount %d\n",
		       "state:", module_state_name(mod->state), mod->refcount);
	return 0;
}
SHELL_COMMAND("modinfo", "name", "show a loaded module's information",
	      cmd_modinfo);

static bool in_part(uintptr_t addr, const void *base, size_t size)
{
	return base && addr >= (uintptr_t)base && addr - (uintptr_t)base < size;
}

/*
 * As /proc/kallsyms prints a module's code: address, type, name, [module];
 * the functions of freed init memory are gone, as in Linux.
 */
static void kallsyms_one(struct module *mod, void *arg)
{
	const char *only = arg;

	if (only && !module_name_eq(mod->name, strlen(mod->name), only))
		return;
	for (size_t i = 0; i < mod->num_ksyms; i++)
		if (in_part(mod->ksyms[i].addr, mod->core,
			    mod->core_text_size) ||
		    in_part(mod->ksyms[i].addr, mod->init, mod->init_text_size))
			console_printf("%016lx t %s\t[%s]\n",
				       (unsigned long)mod->ksyms[i].addr,
				       mod->ksym_names + mod->ksyms[i].name,
				       mod->name);
}

static int cmd_kallsyms(char *args)
{
	char *name = args_word(&args);

	if (*args)
		return -EINVAL;
	if (name && !module_find(name)) {
		console_printf("kallsyms: %s is not loaded\n", name);
		return -ENOENT;
	}
	module_for_each(kallsyms_one, name);
	return 0;
}
SHELL_COMMAND("kallsyms", "[name]",
	      "list loaded modules' functions and addresses", cmd_kallsyms);

/* The parameters after the module name go to modprobe() as typed. */
static int cmd_modprobe(char *args)
{
	char *name = args_word(&args);
	size_t len;
	const void *buf;
	int err;

	if (!name)
		return -EINVAL;
	if (!module_find(name) && modprobe_file(name, &buf, &len)) {
		console_printf(
			"modprobe: FATAL: Module %s not found in directory /%s\n",
			name, MODULES_DIR_NAME);
		return -ENOENT;
	}
	err = modprobe(name, args);
	/* As kmod's modprobe words what init_module(2) returned. */
	if (err == -ENOENT)
		console_printf(
			"modprobe: ERROR: could not insert '%s': Unknown symbol in module, or unknown parameter (see dmesg)\n",
			name);
	else if (err)
		console_printf("modprobe: ERROR: could not insert '%s': %s\n",
			       name, modprobe_strerror(err));
	return err ? SHELL_FAILED : 0;
}
SHELL_COMMAND("modprobe", "name [param=value ...]",
	      "load a module after the modules it depends on", cmd_modprobe);
