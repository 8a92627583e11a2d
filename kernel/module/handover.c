/*
 * Tables modules carry for subsystems above the loader.  The shell, say,
 * registers .shell_cmds; the loader checks each module's copy and hands it
 * over, and takes it back before the module goes.  So the loader names no
 * function of the shell and struct module has no field for it.
 */
#include <kernel/elf.h>
#include <kernel/errno.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

#define TABLE_ALIGN 8 /* the tables' entries hold pointers */

static struct module_table_ops *table_ops;

void module_table_register(struct module_table_ops *ops)
{
	struct module_table_ops **pp = &table_ops;

	while (*pp)
		pp = &(*pp)->next;
	ops->next = NULL;
	*pp = ops;
}

/* The index of @info's section called @name, or 0 if it has none. */
static unsigned int table_section(const struct load_info *info,
				  const char *name)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++)
		if (!strcmp(module_section_name(info, i), name))
			return i;
	return 0;
}

int module_tables_add(struct load_info *info, struct module *mod)
{
	int err;

	for (struct module_table_ops *ops = table_ops; ops; ops = ops->next) {
		unsigned int i = table_section(info, ops->section);
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (!i)
			continue;
		if (s->sh_size % ops->entry_size ||
		    s->sh_addralign < TABLE_ALIGN ||
		    !(s->sh_flags & SHF_ALLOC) || (s->sh_flags & SHF_WRITE)) {
			err = module_reject(
				info,
				"section %u (%s): not a read-only table of %zu-byte entries",
				i, ops->section, ops->entry_size);
			goto out_remove;
		}
		err = ops->add(mod, (const void *)(uintptr_t)s->sh_addr,
			       s->sh_size / ops->entry_size, info->why,
			       sizeof(info->why));
		if (err)
			goto out_remove;
	}
	return 0;

out_remove:
	module_tables_remove(mod);
	return err;
}

void module_tables_remove(struct module *mod)
{
	for (struct module_table_ops *ops = table_ops; ops; ops = ops->next)
		ops->remove(mod);
}
