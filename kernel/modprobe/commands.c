/*
 * The shell commands for modules: insmod, rmmod, modinfo, modprobe,
 * kallsyms and modules_disable.  Module files are read through the VFS or
 * from GRUB's boot modules (modprobe_file() in modprobe.c); a loaded module
 * is read through the loader's API only.  Errors read as Linux's kmod
 * tools print them; the kernel log keeps its own lines.  lsmod is in
 * lsmod.c.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "internal.h"

/*
 * "hello", "hello.ko" or "/lib/modules/hello.ko": the module name, from
 * *@base on, and its length, which may be too long for a module name.
 */
static size_t name_of_file(const char *arg, const char **base)
{
	const char *slash = strrchr(arg, '/');
	size_t n;

	*base = slash ? slash + 1 : arg;
	n = strlen(*base);
	if (n > 3 && !strcmp(*base + n - 3, ".ko"))
		n -= 3;
	return n;
}

/* The parameters after the file name go to the loader as typed. */
static int cmd_insmod(char *args)
{
	char *file = args_word(&args), name[MODULE_NAME_LEN];
	const char *base;
	const void *buf;
	size_t n, len;
	int err;

	if (!file)
		return -EINVAL;
	n = name_of_file(file, &base);
	/* A name longer than any module's is none of them, not a prefix. */
	err = -ENOENT;
	if (n < sizeof(name)) {
		memcpy(name, base, n);
		name[n] = '\0';
		/* A path names any file, from the working directory if
		 * relative; a bare name, /lib/modules. */
		err = strchr(file, '/') ? modprobe_file_at(file, &buf, &len) :
					  modprobe_file(name, &buf, &len);
	}
	/* kmod finds a directory only when it reads it, as it inserts. */
	if (err == -EISDIR) {
		console_printf("insmod: ERROR: could not insert module %s: %s\n",
			       file, errno_text(err));
		return SHELL_FAILED;
	}
	if (err) {
		console_printf("insmod: ERROR: could not load module %s: %s\n",
			       file, errno_text(err));
		return SHELL_FAILED;
	}
	err = load_module(name, buf, len, args);
	kfree((void *)buf);
	if (err && strchr(file, '/'))
		console_printf("insmod: ERROR: could not insert module %s: %s\n",
			       file, modprobe_strerror(err));
	else if (err)
		console_printf("insmod: ERROR: could not insert module %s.ko: %s\n",
			       name, modprobe_strerror(err));
	return err ? SHELL_FAILED : 0;
}
SHELL_COMMAND("insmod", "name|/path.ko [param=value ...]", "load a module",
	      cmd_insmod);

/* Holders being printed: @first before the first name, @sep before others. */
struct holder_list {
	const char *first, *sep;
	int n;
};

static void holder_print(const struct module *holder, void *arg)
{
	struct holder_list *l = arg;

	console_printf("%s%s", l->n++ ? l->sep : l->first, module_name(holder));
}

/* The names of the modules holding a reference on @mod, as holder_list. */
static void holders_print(const struct module *mod, const char *first,
			  const char *sep)
{
	struct holder_list l = { first, sep, 0 };

	module_for_each_holder(mod, holder_print, &l);
}

static int cmd_rmmod(char *args)
{
	char *arg = args_word(&args), name[MODULE_NAME_LEN];
	const char *base;
	struct module *mod = NULL;
	size_t n;
	int err;

	if (!arg || *args)
		return -EINVAL;
	n = name_of_file(arg, &base);
	/* A name longer than any module's is none of them, not a prefix. */
	if (n < sizeof(name)) {
		memcpy(name, base, n);
		name[n] = '\0';
		mod = module_find(name);
	}
	if (!mod) {
		console_printf("rmmod: ERROR: Module %.*s is not currently loaded\n",
			       (int)n, base);
		return SHELL_FAILED;
	}
	err = remove_module(name);
	if (err == -EBUSY && module_get_state(mod) == MODULE_STATE_GOING) {
		char why[128];

		/* Its cleanup ran; what it started outlived it (the log has
		 * the loader's line too). */
		if (module_text_in_use(mod, why, sizeof(why)))
			console_printf("rmmod: ERROR: %s: %s\n", name, why);
		else
			console_printf("rmmod: ERROR: %s: still in use\n",
				       name);
	} else if (err == -EBUSY && module_refcount(mod) > 0) {
		console_printf("rmmod: ERROR: Module %s is in use", name);
		holders_print(mod, " by: ", " ");
		console_printf("\n");
	} else if (err) {
		console_printf("rmmod: ERROR: could not remove module %s: %s\n",
			       name, errno_text(err));
	}
	return err ? SHELL_FAILED : 0;
}
SHELL_COMMAND("rmmod", "name", "remove a module", cmd_rmmod);

/* As the host's modinfo prints a tag: "tag:" in a column, then the value. */
static void modinfo_one(const char *tag, size_t tag_len, const char *value,
			void *arg)
{
	char col[24];

	snprintf(col, sizeof(col), "%.*s:", (int)tag_len, tag);
	console_printf("%-13s %s\n", col, value);
}

static int cmd_modinfo(char *args)
{
	char *name = args_word(&args);
	struct module *mod;

	if (!name || *args)
		return -EINVAL;
	mod = module_find(name);
	if (!mod) {
		console_printf("modinfo: %s is not loaded\n", name);
		return SHELL_FAILED;
	}
	module_for_each_info(mod, modinfo_one, NULL);
	console_printf("%-13s %s, refcount %d\n",
		       "state:", module_state_name(module_get_state(mod)),
		       module_refcount(mod));
	return 0;
}
SHELL_COMMAND("modinfo", "name", "show a loaded module's information",
	      cmd_modinfo);

/* As /proc/kallsyms prints a module's code: address, type, name, [module]. */
static void kallsyms_function(const char *name, uintptr_t addr, void *arg)
{
	const struct module *mod = arg;

	console_printf("%016lx t %s\t[%s]\n", (unsigned long)addr, name,
		       module_name(mod));
}

static void kallsyms_one(struct module *mod, void *arg)
{
	const char *only = arg;

	if (!only ||
	    module_name_eq(module_name(mod), strlen(module_name(mod)), only))
		module_for_each_function(mod, kallsyms_function, mod);
}

static int cmd_kallsyms(char *args)
{
	char *name = args_word(&args);

	if (*args)
		return -EINVAL;
	if (name && !module_find(name)) {
		console_printf("kallsyms: %s is not loaded\n", name);
		return SHELL_FAILED;
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
	if (!module_find(name)) {
		if (modprobe_file(name, &buf, &len)) {
			console_printf("modprobe: FATAL: Module %s not found in directory /%s\n",
				       name, MODULES_DIR_NAME);
			return SHELL_FAILED;
		}
		kfree((void *)buf);
	}
	err = modprobe(name, args);
	/* As kmod's modprobe words what init_module(2) returned. */
	if (err == -ENOENT)
		console_printf("modprobe: ERROR: could not insert '%s': Unknown symbol in module, or unknown parameter (see dmesg)\n",
			       name);
	else if (err)
		console_printf("modprobe: ERROR: could not insert '%s': %s\n",
			       name, modprobe_strerror(err));
	return err ? SHELL_FAILED : 0;
}
SHELL_COMMAND("modprobe", "name [param=value ...]",
	      "load a module after the modules it depends on", cmd_modprobe);

static int cmd_modules_disable(char *args)
{
	if (*args)
		return -EINVAL;
	if (module_loading_disabled()) {
		console_printf(
			"modules_disable: module loading is already disabled until reboot\n");
		return 0;
	}
	module_loading_disable();
	return 0;
}
SHELL_COMMAND("modules_disable", "",
	      "refuse every later module load until reboot (no undo)",
	      cmd_modules_disable);
