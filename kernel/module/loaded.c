/*
 * The loaded modules, oldest first as lsmod shows them: the list the loader
 * adds each module to and takes it off, and the lookups the rest of the
 * loader and the commands make on it, by name and by code address.
 */
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

struct module *module_list;

struct module *module_find(const char *name)
{
	for (struct module *m = module_list; m; m = m->next)
		if (module_name_eq(m->name, strlen(m->name), name))
			return m;
	return NULL;
}

void module_for_each(void (*fn)(struct module *mod, void *arg), void *arg)
{
	for (struct module *m = module_list; m; m = m->next)
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
	struct module **pp = &module_list;

	while (*pp)
		pp = &(*pp)->next;
	mod->next = NULL;
	*pp = mod;
}

void module_unlink(struct module *mod)
{
	for (struct module **pp = &module_list; *pp; pp = &(*pp)->next)
		if (*pp == mod) {
			*pp = mod->next;
			return;
		}
}
