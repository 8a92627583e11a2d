/*
 * Shell commands for modules: insmod, rmmod, lsmod and modinfo (modprobe
 * is in modprobe.c).  Module files come from the initrd or GRUB's boot
 * modules (module_file()).
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

static int cmd_insmod(int argc, char **argv)
{
	char args[INSMOD_ARGS_MAX] = "";
	const void *buf;
	size_t len;
	int err;

	if (argc < 2)
		return -EINVAL;
	if (module_file(argv[1], &buf, &len)) {
		shell_printf("insmod: no module file '%s'\n", argv[1]);
		return -ENOENT;
	}
	/* The shell split the arguments; the parameter parser wants one string. */
	if (param_args_join(args, sizeof(args), argc - 2, argv + 2))
		return -E2BIG;
	err = load_module(argv[1], buf, len, args);
	if (err)
		shell_printf("insmod: could not insert module %s: %s\n", argv[1],
			     errno_name(err) ? errno_name(err) : "error");
	return err;
}
SHELL_COMMAND("insmod", "name [param=value ...]", "load a module", cmd_insmod);

static int cmd_rmmod(int argc, char **argv)
{
	int err;

	if (argc != 2)
		return -EINVAL;
	err = remove_module(argv[1]);
	if (err)
		shell_printf("rmmod: could not remove %s: %s\n", argv[1],
			     errno_name(err) ? errno_name(err) : "error");
	return err;
}
SHELL_COMMAND("rmmod", "name", "remove a module", cmd_rmmod);

static void lsmod_one(struct module *mod, void *arg)
{
	const char *sep = " ";

	shell_printf("%-20s %8zu  %d", mod->name,
		     mod->core_size + mod->init_size, mod->refcount);
	/* "Used by": the modules holding a reference on this one. */
	for (struct module *m = module_list; m; m = m->next)
		for (size_t i = 0; i < m->num_uses; i++)
			if (m->uses[i] == mod) {
				shell_printf("%s%s", sep, m->name);
				sep = ",";
			}
	if (mod->state != MODULE_STATE_LIVE)
		shell_printf(" [%s]", module_state_name(mod->state));
	/* As /proc/modules flags it: not under a GPL-compatible license. */
	if (!mod->gpl_compatible)
		shell_printf(" (P)");
	shell_printf("\n");
}

static int cmd_lsmod(int argc, char **argv)
{
	if (kernel_taint)
		shell_printf("%s\n", kernel_taint_string());
	shell_printf("%-20s %8s  %s\n", "Module", "Size", "Used by");
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
