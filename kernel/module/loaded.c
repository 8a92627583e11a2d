/*
 * The loaded modules, oldest first as lsmod shows them: the list the loader
 * adds each module to and takes it off, and the lookups the rest of the
 * loader and the commands make on it, by name and by code address.
 */
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

LIST_HEAD(module_list);

struct module *module_find(const char *name)
{
	struct module *m;

	list_for_each_entry(m, &module_list, list)
		if (module_name_eq(m->name, strlen(m->name), name))
			return m;
	return NULL;
}

void module_for_each(void (*fn)(struct module *mod, void *arg), void *arg)
{
	struct module *m;

	list_for_each_entry(m, &module_list, list)
		fn(m, arg);
}

bool module_text_contains(const struct module *mod, uintptr_t addr)
{
	return (mod->core && in_region(addr, 1, (uintptr_t)mod->core,
				       mod->core_text_size)) ||
	       (mod->init &&
		in_region(addr, 1, (uintptr_t)mod->init, mod->init_text_size));
}

/* The list stays in load order, as lsmod shows it. */
void module_append(struct module *mod)
{
	list_add_tail(&mod->list, &module_list);
}

void module_unlink(struct module *mod)
{
	list_del(&mod->list);
}
