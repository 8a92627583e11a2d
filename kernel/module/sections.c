/*
 * Where each section of a loaded module went, by name, as Linux keeps it in
 * /sys/module/<name>/sections/: a debugger reads the list to load the
 * module's symbols at the addresses the loader chose (tools/gdb/sprout.py).
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

/* excerpt: module-sections */
int module_sections_copy(struct module *mod, const struct load_info *info)
{
	size_t n = 0, names = 0;
	char *strings;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++)
		if (module_section_loaded(info, i)) {
			n++;
			names += strlen(module_section_name(info, i)) + 1;
		}
	/* One allocation: the array, then the names it points at. */
	mod->sections =
		kmalloc(n * sizeof(*mod->sections) + names + 1, GFP_KERNEL);
	if (!mod->sections)
		return -ENOMEM;
	strings = (char *)(mod->sections + n);
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const char *name = module_section_name(info, i);

		if (!module_section_loaded(info, i))
			continue;
		strlcpy(strings, name, strlen(name) + 1);
		mod->sections[mod->num_sections++] =
			(struct module_section){ info->sechdrs[i].sh_addr,
						 strings };
		strings += strlen(name) + 1;
	}
	return 0;
}
/* excerpt-end: module-sections */

void module_sections_free(struct module *mod)
{
	kfree(mod->sections);
	mod->sections = NULL;
	mod->num_sections = 0;
}
