/*
 * Loading and removing modules.  load_module() is a list of named steps;
 * each failure unwinds, through labels in reverse order, exactly what the
 * steps before it took, so a refused module leaves no page or byte behind.
 * The pure work (checks, layout, symbols, relocations) is in elf.c,
 * layout.c, symbols.c and reloc.c; this file owns memory and the life cycle.
 */
#include <kernel/errno.h>
#include <kernel/fault_inject.h>
#include <kernel/initcall.h>
#include <kernel/kallsyms.h>
#include <kernel/lockdep.h>
#include <kernel/mm.h>
#include <kernel/mm_debug.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <trace/events/module.h>
#include "internal.h"

DEFINE_TRACE(module_step_done);

const char *module_state_name(enum module_state state)
{
	switch (state) {
	case MODULE_STATE_COMING:
		return "Loading";
	case MODULE_STATE_LIVE:
		return "Live";
	default:
		return "Unloading";
	}
}

const char *module_get_info(const struct module *mod, const char *tag,
			    unsigned int n)
{
	return modinfo_get(mod->modinfo, mod->modinfo_size, tag, n);
}

/* Step: refuse a module built for another kernel or build configuration. */
static int check_modinfo(struct load_info *info, struct module *mod)
{
	const char *license =
		modinfo_get(info->modinfo, info->modinfo_size, "license", 0);
	int err = module_check_vermagic(info);

	if (err)
		return err;
	mod->gpl_compatible = module_license_gpl_compatible(license);
	if (!mod->gpl_compatible) {
		kernel_taint |= TAINT_PROPRIETARY_MODULE;
		pr_warn("%s: module license '%s' taints kernel.\n", info->name,
			license ? license : "unspecified");
	}
	return 0;
}

/* The parameter types a module may use, with the size each one sets. */
#define PARAM_TYPE(ops, kind, size) { (uintptr_t)&ops, kind, size },
static const struct module_param_type param_types[] = {
	MODULE_PARAM_TYPES(PARAM_TYPE) /* listed in internal.h */
};
#undef PARAM_TYPE

/*
 * The functions of this file that allocate are noinline, do_load_module()
 * too: a failure injected in one, or a backtrace through it, then names it
 * ("from keep_tables+0x..."), whatever the compiler would inline, and
 * tests/kernel/unwind_test.c tells by that name which step it failed.
 * Like every step, each takes nothing when it fails.
 */

/*
 * Step: the core and init regions in the module area, writable for now.
 * Either may be empty (a module all __init has no core): it gets no pages.
 */
static __attribute__((noinline)) int alloc_regions(struct load_info *info,
						   struct module *mod)
{
	struct module_region *core = &info->region[MOD_CORE];
	struct module_region *init = &info->region[MOD_INIT];

	if (core->size) {
		mod->core = modarea_alloc(core->size, PAGE_KERNEL_RW);
		if (!mod->core)
			return -ENOMEM;
	}
	if (init->size) {
		mod->init = modarea_alloc(init->size, PAGE_KERNEL_RW);
		if (!mod->init)
			goto out_free_core;
	}
	core->mem = mod->core;
	init->mem = mod->init;
	core->addr = (uintptr_t)mod->core;
	init->addr = (uintptr_t)mod->init;
	mod->core_size = core->size;
	mod->core_text_size = core->text_size;
	mod->core_ro_size = core->ro_size;
	mod->init_size = init->size;
	mod->init_text_size = init->text_size;
	mod->init_ro_size = init->ro_size;
	if (mod->core)
		module_forget_freed_init(mod->core, core->size);
	if (mod->init)
		module_forget_freed_init(mod->init, init->size);
	return 0;

out_free_core:
	if (mod->core)
		modarea_free(mod->core);
	mod->core = NULL;
	return -ENOMEM;
}

/* The core last: @mod itself may be in it (in_core), and goes with it. */
static void free_regions(struct module *mod)
{
	void *core = mod->core;

	if (mod->init) {
		might_sleep_forget(mod->init, mod->init_size);
		lockdep_free_key_range(mod->init, mod->init_size);
		modarea_free(mod->init);
	}
	mod->init = mod->core = NULL;
	if (core) {
		might_sleep_forget(core, mod->core_size);
		lockdep_free_key_range(core, mod->core_size);
		modarea_free(core);
	}
}

/* Step: what the module keeps from its file: exports, parameters, .modinfo. */
static __attribute__((noinline)) int keep_tables(struct load_info *info,
						 struct module *mod)
{
	mod->syms = (const struct kernel_symbol *)(uintptr_t)info->ksyms_addr;
	mod->num_syms = info->num_ksyms;
	mod->gpl_syms =
		(const struct kernel_symbol *)(uintptr_t)info->gpl_ksyms_addr;
	mod->num_gpl_syms = info->num_gpl_ksyms;
	mod->params = (const struct kernel_param *)(uintptr_t)info->params_addr;
	mod->num_params = info->num_params;
	mod->modinfo_size = info->modinfo_size;
	mod->modinfo = kmalloc(info->modinfo_size + 1, GFP_KERNEL);
	if (!mod->modinfo)
		return -ENOMEM;
	memcpy(mod->modinfo, info->modinfo, info->modinfo_size);
	return 0;
}

/*
 * Step: the argument string, kept for the module's life: param_parse()
 * splits it in place, and charp parameters point into it.
 */
static __attribute__((noinline)) int copy_args(struct module *mod,
					       const char *args)
{
	size_t len = args ? strlen(args) : 0;

	mod->args = kmalloc(len + 1, GFP_KERNEL);
	if (!mod->args)
		return -ENOMEM;
	memcpy(mod->args, args ? args : "", len + 1);
	return 0;
}

/*
 * New permissions for [start, end) of @base, if that part is not empty;
 * the direct-map alias of read-only parts becomes read-only as well.
 */
static int protect_part(void *base, size_t start, size_t end, pte_t prot)
{
	if (end <= start)
		return 0;
	return modarea_protect_range((char *)base + start,
				     (end - start) >> PAGE_SHIFT, prot);
}

/* Code RX, then constants R, in the region at @base (none if NULL). */
static int protect_region(void *base, size_t text_size, size_t ro_size)
{
	int err;

	if (!base)
		return 0;
	err = protect_part(base, 0, text_size, PAGE_KERNEL_RX);
	if (err)
		return err;
	return protect_part(base, text_size, ro_size, PAGE_KERNEL_RO);
}

/*
 * Step: final permissions -- code RX, constants R, data RW (all NX but
 * code), in both regions: init constants are read-only while init runs.
 * Freeing a region resets its pages, so a failure here leaves nothing.
 */
static int protect_regions(struct module *mod)
{
	int err = protect_region(mod->core, mod->core_text_size,
				 mod->core_ro_size);

	if (err)
		return err;
	return protect_region(mod->init, mod->init_text_size,
			      mod->init_ro_size);
}

/* The init region is not needed once init_module has succeeded. */
static void free_init(struct module *mod)
{
	if (!mod->init)
		return;
	might_sleep_forget(mod->init, mod->init_size);
	lockdep_free_key_range(mod->init, mod->init_size);
	modarea_free(mod->init);
	module_note_freed_init(mod->name, mod->init, mod->init_size);
	printk(KERN_DEBUG "%s: freed %zu KiB of module init memory\n",
	       mod->name, mod->init_size >> 10);
	mod->init = NULL;
}

/*
 * Step: a module's undefined symbols, from the kernel's and live modules'
 * exports; it takes a reference on each module it uses, and gives back
 * those it took if a symbol cannot be had.
 */
static int resolve_symbols(struct load_info *info, struct module *mod)
{
	int err = module_resolve_symbols(info, module_resolve, mod);

	if (err)
		module_release_uses(mod);
	return err;
}

/*
 * Step: what the linked image must hold -- room for its struct module,
 * which *@modp moves into, entry points in code, tables that point where
 * they should, exports of its own.
 */
static int check_linked(struct load_info *info, struct module **modp)
{
	uint64_t init, exit, ctors, extable;
	struct module *mod;
	int err;

	err = module_set_this_module(info, modp);
	if (err)
		return err;
	mod = *modp;
	err = module_find_init_exit(info, &init, &exit);
	if (err)
		return err;
	err = module_find_ctors(info, &ctors, &mod->num_ctors);
	if (err)
		return err;
	err = module_find_extable(info, &extable, &mod->num_exentries);
	if (err)
		return err;
	err = module_check_tables(info, param_types, ARRAY_SIZE(param_types));
	if (err)
		return err;
	err = module_check_exports_unique(info);
	if (err)
		return err;
	mod->init_fn = (int (*)(void))(uintptr_t)init;
	mod->exit_fn = (void (*)(void))(uintptr_t)exit;
	mod->ctors = (void (**)(void))(uintptr_t)ctors;
	mod->extable = (const struct exception_table_entry *)(uintptr_t)extable;
	return 0;
}

/* excerpt: link-module */
/*
 * Link the file in @info into *@modp: every step before init_module runs.
 * Once linked, the struct module moves into the module's own core
 * (THIS_MODULE) and *@modp points there; the caller's is then only a copy.
 * A step that fails has taken nothing; each label undoes one step that
 * succeeded, and the labels run in the reverse order of the steps.
 */
static int link_module(struct load_info *info, struct module **modp,
		       const char *args)
{
	struct module *mod = *modp;
	int err;

	err = check_modinfo(info, mod);
	if (err)
		return err;
	err = module_layout(info, module_tables, module_num_tables);
	if (err)
		return err;
	err = alloc_regions(info, mod);
	if (err)
		return err;
	module_layout_place(info);
	trace_module_step_done(mod, LOAD_LAYOUT);

	err = resolve_symbols(info, mod);
	if (err)
		goto out_free_regions;
	trace_module_step_done(mod, LOAD_LINK);
	err = module_apply_relocations(info);
	if (err)
		goto out_release_uses;
	trace_module_step_done(mod, LOAD_RELOCATE);

	err = check_linked(info, &mod);
	if (err)
		goto out_release_uses;
	err = keep_tables(info, mod);
	if (err)
		goto out_release_uses;
	err = module_kallsyms_copy(mod, info);
	if (err)
		goto out_free_modinfo;
	err = module_sections_copy(mod, info);
	if (err)
		goto out_free_kallsyms;
	err = copy_args(mod, args);
	if (err)
		goto out_free_sections;
	/* Code executable first: a module_param_cb setter is the module's. */
	err = protect_regions(mod);
	if (err)
		goto out_free_args;
	err = param_parse(mod->name, mod->args, mod->params, mod->num_params,
			  false);
	if (err)
		goto out_free_args;
	err = module_tables_add(info, mod);
	if (err)
		goto out_free_args;
	trace_module_step_done(mod, LOAD_FINISH);
	*modp = mod;
	return 0;

out_free_args:
	param_free_all(mod->params, mod->num_params); /* charp's copies */
	kfree(mod->args);
out_free_sections:
	module_sections_free(mod);
out_free_kallsyms:
	module_kallsyms_free(mod);
out_free_modinfo:
	kfree(mod->modinfo);
out_release_uses:
	module_release_uses(mod);
out_free_regions:
	free_regions(mod);
	return err;
}
/* excerpt-end: link-module */

static void unlink_and_free(struct module *mod)
{
	modleak_module_gone(mod, mod->name); /* its code is still named */
	param_free_all(mod->params, mod->num_params);
	module_tables_remove(mod);
	module_unlink(mod);
	kfree(mod->args);
	module_sections_free(mod);
	module_kallsyms_free(mod);
	kfree(mod->modinfo);
	module_release_uses(mod);
	if (mod->in_core) {
		free_regions(mod); /* and @mod with its core */
		return;
	}
	free_regions(mod);
	kfree(mod);
}

/* init_module, traced and timed under initcall_debug as Linux does. */
static int call_init_module(struct module *mod)
{
	char sym[KSYM_SYMBOL_LEN];
	uint64_t t0;
	int ret;

	if (!mod->init_fn)
		return 0; /* a module need not have one */
	if (!initcall_debug)
		return mod->init_fn();
	sprint_symbol(sym, sizeof(sym), (uintptr_t)mod->init_fn);
	pr_info("calling  %s @ module\n", sym);
	t0 = ktime_get_ns();
	ret = mod->init_fn();
	pr_info("initcall %s returned %d after %llu usecs\n", sym, ret,
		(unsigned long long)((ktime_get_ns() - t0) / NSEC_PER_USEC));
	return ret;
}

/* The module's constructors, in order, as Linux's do_mod_ctors(). */
static void do_mod_ctors(struct module *mod)
{
	for (size_t i = 0; i < mod->num_ctors; i++)
		mod->ctors[i]();
}

/* excerpt: do-init-module */
static int do_init_module(struct module *mod)
{
	int ret;

	do_mod_ctors(mod);
	ret = call_init_module(mod);

	if (ret < 0) {
		pr_err("%s: init_module failed with %d (%s)\n", mod->name, ret,
		       errno_name(ret) ? errno_name(ret) : "?");
		mod->state = MODULE_STATE_GOING;
		module_notify(mod, MODULE_STATE_GOING);
		unlink_and_free(mod);
		return ret;
	}
	if (ret > 0)
		pr_warn("%s: init suspiciously returned %d, it should follow 0/-E convention; loading it anyway\n",
			mod->name, ret);
	mod->state = MODULE_STATE_LIVE;
	module_notify(mod, MODULE_STATE_LIVE);
	free_init(mod);
	/*
	 * Its pages and their direct-map aliases have their final permissions.
	 * A boot-time module is audited with the whole boot, in one walk, once
	 * boot is over: a walk per module would add milliseconds each.
	 */
	if (system_state == SYSTEM_RUNNING)
		mm_audit(mod->name);
	return 0;
}
/* excerpt-end: do-init-module */

static __attribute__((noinline)) int
do_load_module(const char *name, const void *buf, size_t len, const char *args)
{
	struct module *mod, *staged;
	struct load_info info;
	void *copy;
	int err;

	if (strlen(name) >= MODULE_NAME_LEN || !*name)
		return -ENAMETOOLONG;
	if (module_loading_disabled()) {
		pr_err("%s: module loading is disabled (modules_disabled) until reboot\n",
		       name);
		return -EPERM;
	}
	/* The loader writes addresses into the file: work on a copy. */
	copy = kmalloc(len ? len : 1, GFP_KERNEL);
	if (!copy) {
		pr_err("%s: cannot load: ENOMEM (a copy of its %zu bytes)\n",
		       name, len);
		return -ENOMEM;
	}
	mod = kzalloc(sizeof(*mod), GFP_KERNEL);
	if (!mod) {
		pr_err("%s: cannot load: ENOMEM (its struct module)\n", name);
		err = -ENOMEM;
		goto out_free_copy;
	}
	memcpy(copy, buf, len);
	strlcpy(mod->name, name, sizeof(mod->name));
	trace_module_step_done(mod, LOAD_READ);

	err = module_elf_check(&info, mod->name, copy, len);
	if (err)
		goto out_refused;
	trace_module_step_done(mod, LOAD_CHECK);
	err = module_take_identity(&info, mod);
	if (err)
		goto out_refused;
	staged = mod;
	err = link_module(&info, &mod, args);
	if (err)
		goto out_refused;
	if (mod != staged)
		kfree(staged); /* it lives in the module now */
	kfree(copy);
	mod->state = MODULE_STATE_COMING;
	module_append(mod);
	/* Its /sys/module/<name>/ is made here: a refusal unloads it. */
	err = module_notify(mod, MODULE_STATE_COMING);
	if (err) {
		unlink_and_free(mod);
		return err;
	}
	err = do_init_module(mod);
	if (err)
		return err; /* it was unlinked and freed, and said why */
	trace_module_step_done(mod, LOAD_INIT);
	return 0;

	/* A refused file has taken nothing but its struct module: say why. */
out_refused:
	if (info.why[0])
		pr_err("%s\n", info.why);
	else
		pr_err("%s: cannot load: %s\n", mod->name, errno_name(err));
	kfree(mod);
out_free_copy:
	kfree(copy);
	return err;
}

int load_module(const char *name, const void *buf, size_t len, const char *args)
{
	int err;

	/* The scope of fault injection's "loader" option (failslab=...,loader). */
	fault_loader_enter();
	err = do_load_module(name, buf, len, args);
	fault_loader_exit();
	return err;
}

/*
 * The end of a removal, once cleanup_module has run: free the module
 * unless something it started still runs its code.  Then it stays GOING
 * (its memory is the code that runs) and a later rmmod comes back here.
 */
static int finish_remove(struct module *mod)
{
	char why[MODULE_WHY_MAX];

	if (module_text_in_use(mod, why, sizeof(why))) {
		pr_err("%s: %s after cleanup_module; module kept\n", mod->name,
		       why);
		return -EBUSY;
	}
	unlink_and_free(mod);
	/* Heap pages the module's records emptied go back as well. */
	kmalloc_trim();
	return 0;
}

/* excerpt: remove-module */
int remove_module(const char *name)
{
	struct module *mod = module_find(name);

	if (!mod)
		return -ENOENT;
	/* Its cleanup ran at an earlier rmmod; it never runs twice. */
	if (mod->state == MODULE_STATE_GOING)
		return finish_remove(mod);
	if (mod->state != MODULE_STATE_LIVE || mod->refcount > 0) {
		pr_err("%s: module is in use (refcount %d)\n", name,
		       mod->refcount);
		return -EBUSY;
	}
	if (mod->init_fn && !mod->exit_fn) {
		pr_err("%s: module has no cleanup_module and cannot be removed\n",
		       name);
		return -EBUSY;
	}
	mod->state = MODULE_STATE_GOING;
	/* Its tables go first: no command of it may run while it is torn down. */
	module_tables_remove(mod);
	if (mod->exit_fn)
		mod->exit_fn();
	/* Its sysfs directory goes before its memory (and its parameters). */
	module_notify(mod, MODULE_STATE_GOING);
	return finish_remove(mod);
}
/* excerpt-end: remove-module */
