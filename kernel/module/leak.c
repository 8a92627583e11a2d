/*
 * The loader's half of the per-module leak records
 * (CONFIG_DEBUG_KMEMLEAK_MODULES, mm/modleak.c): it tells mm which module
 * an address of code belongs to, so every allocation is charged to the
 * module that made it, and when a module goes -- after cleanup_module,
 * with its code and symbols still in place -- asks mm to list what the
 * module never freed.
 */
#include <kernel/init.h>
#include <kernel/mm_debug.h>
#include <kernel/module.h>
#include <kernel/notifier.h>
#include "internal.h"

/*
 * Called with interrupts off by the allocators: on one CPU the module
 * list cannot change under the walk.
 */
static const void *module_of_code(uintptr_t addr, const char **name)
{
	struct module *m;

	list_for_each_entry(m, &module_list, list)
		if (module_text_contains(m, addr)) {
			*name = m->name;
			return m;
		}
	return NULL;
}

static const struct modleak_owner_ops module_owner_ops = {
	.owner = module_of_code,
};

static int module_leak_notify(struct notifier_block *nb, unsigned long action,
			      void *data)
{
	struct module *mod = data;

	if (action == MODULE_STATE_GOING)
		modleak_module_gone(mod, mod->name);
	return NOTIFY_DONE;
}

static struct notifier_block module_leak_nb = {
	.notifier_call = module_leak_notify,
};

static int __init module_leak_init(void)
{
	modleak_owner_register(&module_owner_ops);
	return register_module_notifier(&module_leak_nb);
}
core_initcall(module_leak_init);
