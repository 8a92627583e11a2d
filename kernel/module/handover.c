/*
 * Tables modules carry for subsystems above the loader.  The shell, say,
 * registers .shell_cmds with the size of an entry and where its pointers
 * are; the loader places and checks each module's copy by that description
 * alone (layout.c, tables.c), hands it over, and takes it back before the
 * module goes.  So the loader names no function or type of the shell and
 * struct module has no field for it.
 */
#include <kernel/errno.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define TABLE_ALIGN 8 /* the tables' entries hold pointers */

const struct module_table_ops *module_tables[MODULE_TABLES_MAX];
size_t module_num_tables;

/* Can the loader check entries as @ops describes them? */
static bool table_ops_valid(const struct module_table_ops *ops)
{
	if (!ops->section || !ops->section[0] || !ops->entry_size ||
	    ops->entry_size % TABLE_ALIGN)
		return false;
	for (size_t i = 0; i < ops->num_fields; i++) {
		const struct module_table_field *f = &ops->fields[i];

		if (f->offset % TABLE_ALIGN ||
		    f->offset > ops->entry_size - sizeof(uint64_t))
			return false;
	}
	return true;
}

int module_table_register(const struct module_table_ops *ops)
{
	if (!table_ops_valid(ops)) {
		pr_err("module: table %s: entries the loader cannot check\n",
		       ops->section ? ops->section : "(unnamed)");
		return -EINVAL;
	}
	for (size_t i = 0; i < module_num_tables; i++)
		if (!strcmp(module_tables[i]->section, ops->section))
			return -EEXIST;
	if (module_num_tables == MODULE_TABLES_MAX) {
		pr_err("module: table %s: more than %d tables registered\n",
		       ops->section, MODULE_TABLES_MAX);
		return -ENOSPC;
	}
	module_tables[module_num_tables++] = ops;
	return 0;
}

int module_tables_add(struct load_info *info, struct module *mod)
{
	int err;

	for (size_t i = 0; i < info->num_tables; i++) {
		const struct module_table_ops *ops = info->tables[i];
		const struct module_table_place *t = &info->table[i];

		if (!t->present)
			continue;
		err = ops->add(mod, (const void *)(uintptr_t)t->addr, t->count,
			       info->why, sizeof(info->why));
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
	for (size_t i = 0; i < module_num_tables; i++)
		module_tables[i]->remove(mod);
}
