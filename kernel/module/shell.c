/*
 * Shell commands for modules: insmod, rmmod, lsmod and modinfo (modprobe
 * is in modprobe.c).  Module files come from the initrd or GRUB's boot
 * modules (module_file()).  Errors and lsmod read as Linux's kmod tools
 * print them; the kernel log keeps its own lines.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/multiboot2.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "internal.h"

#define INSMOD_ARGS_MAX 256

/* The boot module called @name or @name.ko (any directory), or NULL. */
const struct boot_module *module_boot_file(const char *name)
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

const char *module_strerror(int err)
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

static int cmd_insmod(int argc, char **argv)
{
	char args[INSMOD_ARGS_MAX] = "", name[MODULE_NAME_LEN];
	const void *buf;
	size_t len;
	int err;

	if (argc < 2)
		return -EINVAL;
	module_name_of(argv[1], name, sizeof(name));
	/* A path names any file of the initrd; a bare name, lib/modules. */
	if (strchr(argv[1], '/') ? module_file_at(argv[1], &buf, &len) :
				   module_file(name, &buf, &len)) {
		shell_printf("insmod: ERROR: could not load module %s: %s\n",
			     argv[1], errno_text(ENOENT));
		return -ENOENT;
	}
	/* The shell split the arguments; the parameter parser wants one string. */
	if (param_args_join(args, sizeof(args), argc - 2, argv + 2))
		return -E2BIG;
	err = load_module(name, buf, len, args);
	if (err && strchr(argv[1], '/'))
		shell_printf("insmod: ERROR: could not insert module %s: %s\n",
			     argv[1], module_strerror(err));
	else if (err)
		shell_printf("insmod: ERROR: could not insert module %s.ko: %s\n",
			     name, module_strerror(err));
	return err;
}
SHELL_COMMAND("insmod", "name|/path.ko [param=value ...]", "load a module", cmd_insmod);

/*
 * The modules holding a reference on @mod: printed (@first before the
 * first name, @sep before the others) if @print, and counted.
 */
static int holders(const struct module *mod, bool print, const char *first,
		   const char *sep)
{
	int n = 0;

	for (struct module *m = module_list; m; m = m->next)
		for (size_t i = 0; i < m->num_uses; i++) {
			if (m->uses[i] != mod)
				continue;
			if (print)
				shell_printf("%s%s", n ? sep : first, m->name);
			n++;
		}
	return n;
}

static int cmd_rmmod(int argc, char **argv)
{
	char name[MODULE_NAME_LEN];
	struct module *mod;
	int err;

	if (argc != 2)
		return -EINVAL;
	module_name_of(argv[1], name, sizeof(name));
	mod = module_find(name);
	if (!mod) {
		shell_printf("rmmod: ERROR: Module %s is not currently loaded\n",
			     name);
		return -ENOENT;
	}
	err = remove_module(name);
	if (err == -EBUSY && mod->refcount > 0) {
		shell_printf("rmmod: ERROR: Module %s is in use%s", name,
			     holders(mod, false, "", "") ? " by:" : "");
		holders(mod, true, " ", " ");
		shell_printf("\n");
	} else if (err) {
		shell_printf("rmmod: ERROR: could not remove module %s: %s\n",
			     name, errno_text(err));
	}
	return err;
}
SHELL_COMMAND("rmmod", "name", "remove a module", cmd_rmmod);

/* As kmod's lsmod: name, size in bytes, refcount, then who holds it. */
static void lsmod_one(struct module *mod, void *arg)
{
	shell_printf("%-19s %8zu  %d", mod->name,
		     mod->core_size + mod->init_size, mod->refcount);
	holders(mod, true, " ", ",");
	/* As /proc/modules flags it: not under a GPL-compatible license. */
	if (!mod->gpl_compatible)
		shell_printf(" (P)");
	shell_printf("\n");
}

static int cmd_lsmod(int argc, char **argv)
{
	if (kernel_taint)
		shell_printf("%s\n", kernel_taint_string());
	shell_printf("%-19s %8s  %s\n", "Module", "Size", "Used by");
	module_for_each(lsmod_one, NULL);
	return 0;
}
SHELL_COMMAND("lsmod", "", "list loaded modules", cmd_lsmod);

static int cmd_modinfo(int argc, char **argv)
{
	struct module *mod;
	const char *v;
	char tag[24];

	if (argc != 2)
		return -EINVAL;
	mod = module_find(argv[1]);
	if (!mod) {
		shell_printf("modinfo: %s is not loaded\n", argv[1]);
		return -ENOENT;
	}
	for (const char *p = mod->modinfo; p < mod->modinfo + mod->modinfo_size;
	     p += strlen(p) + 1) {
		v = strchr(p, '=');
		if (!v)
			continue;
		/* As the host's modinfo prints it: "tag:" in a column. */
		snprintf(tag, sizeof(tag), "%.*s:", (int)(v - p), p);
		shell_printf("%-13s %s\n", tag, v + 1);
	}
	shell_printf("%-13s %s, refcount %d\n", "state:",
		     module_state_name(mod->state), mod->refcount);
	return 0;
}
SHELL_COMMAND("modinfo", "name", "show a loaded module's information", cmd_modinfo);
