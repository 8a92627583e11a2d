/*
 * The loader's half of the per-module leak records
 * (CONFIG_DEBUG_KMEMLEAK_MODULES, mm/modleak.c): it tells mm which module
 * an address of code belongs to, so every allocation is charged to the
 * module that made it.  The loader asks mm for the list of what a module
 * never freed when it frees the module (unlink_and_free()): not at
 * MODULE_STATE_GOING, since a module whose thread or timer still runs is
 * kept, and what that code holds is still in use.
 */
#include <kernel/init.h>
#include <kernel/mm_debug.h>
#include <kernel/module.h>
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

static int __init module_leak_init(void)
{
	modleak_owner_register(&module_owner_ops);
	return 0;
}
core_initcall(module_leak_init);
