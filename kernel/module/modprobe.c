/*
 * Where module files come from and loading by name: the initrd's
 * lib/modules/<name>.ko (or a file GRUB loaded as a boot module), its
 * lib/modules/modules.dep for modprobe's dependency order, and etc/modules,
 * the list loaded at boot.  The dependency walk itself is kernel/initrd/
 * modprobe.c; this file gives it the loader.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/initrd.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>

#define MODULE_PATH_MAX 96
#define MODULES_DIR "lib/modules/"
#define MODULES_DEP MODULES_DIR "modules.dep"
#define ETC_MODULES "etc/modules"

int module_file(const char *name, const void **buf, size_t *len)
{
	char path[MODULE_PATH_MAX];
	struct initrd_file f;
	const struct boot_module *bm;

	if (snprintf(path, sizeof(path), MODULES_DIR "%s.ko", name) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	if (!initrd_open(path, &f) && !f.is_dir) {
		*buf = f.data;
		*len = f.size;
		return 0;
	}
	bm = module_boot_file(name);
	if (!bm)
		return -ENOENT;
	*buf = phys_to_virt(bm->start);
	*len = (size_t)(bm->end - bm->start);
	return 0;
}

static int probe_dep(void *ctx, const char *name, size_t i,
		     char out[MODULE_NAME_MAX])
{
	const struct modules_dep *md = ctx;
	const void *buf;
	size_t len;

	/* Without modules.dep a module that exists has no dependencies. */
	if (!md->text)
		return module_file(name, &buf, &len) ? -ENOENT : 0;
	return modules_dep_dep(md, name, i, out);
}

static bool probe_loaded(void *ctx, const char *name)
{
	return module_find(name) != NULL;
}

static int probe_load(void *ctx, const char *name, const char *args)
{
	const void *buf;
	size_t len;
	int err = module_file(name, &buf, &len);

	return err ? err : load_module(name, buf, len, args);
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
	struct initrd_file f;

	if (!initrd_open(MODULES_DEP, &f) && !f.is_dir) {
		md.text = f.data;
		md.len = f.size;
	}
	return modprobe_resolve(&probe_ops, &md, name, args ? args : "");
}

/*
 * The modules etc/modules lists, each after what it depends on.  Late in
 * the initcalls: after the built-in drivers, before init memory is freed.
 */
static int __init load_boot_modules(void)
{
	char name[MODULE_NAME_MAX], args[MODPROBE_ARGS_MAX];
	struct initrd_file f;
	size_t pos = 0;
	int r;

	if (initrd_open(ETC_MODULES, &f) || f.is_dir)
		return 0;
	while ((r = etc_modules_next(f.data, f.size, &pos, name, args)) != 0) {
		if (r < 0) {
			pr_err("%s: line too long, skipped\n", ETC_MODULES);
			continue;
		}
		r = modprobe(name, args);
		if (r)
			pr_err("%s: %s: %s\n", ETC_MODULES, name,
			       errno_name(r) ? errno_name(r) : "error");
	}
	return 0;
}
late_initcall_sync(load_boot_modules);

static int cmd_modprobe(int argc, char **argv)
{
	char args[MODPROBE_ARGS_MAX] = "";
	int err;

	if (argc < 2)
		return -EINVAL;
	if (param_args_join(args, sizeof(args), argc - 2, argv + 2))
		return -E2BIG;
	err = modprobe(argv[1], args);
	if (err)
		shell_printf("modprobe: could not insert %s: %s\n", argv[1],
			     errno_name(err) ? errno_name(err) : "error");
	return err;
}
SHELL_COMMAND("modprobe", "name [param=value ...]",
	      "load a module after the modules it depends on", cmd_modprobe);
