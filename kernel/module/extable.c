/*
 * A module's exception table (__ex_table, include/kernel/extable.h): found
 * and checked after relocation -- every instruction and fixup must be the
 * module's own code -- and sorted in place, as Linux's loader does, since
 * ld -r joins the objects' tables in no particular order.  The kernel's
 * fault fixup looks here for faults in a module's text.
 */
#include <kernel/extable.h>
#include <kernel/init.h>
#include <kernel/string.h>
#include "internal.h"

#define EXTABLE_SECTION "__ex_table"

/* Is @addr in the code of the core or the init region? */
static bool extable_in_code(const struct load_info *info, uint64_t addr)
{
	for (int r = 0; r < MOD_REGIONS; r++) {
		const struct module_region *reg = &info->region[r];

		if (in_region(addr, 1, reg->addr, reg->text_size))
			return true;
	}
	return false;
}

/* The loaded __ex_table section, or 0. */
static unsigned int extable_section(const struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++)
		if (module_section_loaded(info, i) &&
		    !strcmp(module_section_name(info, i), EXTABLE_SECTION))
			return i;
	return 0;
}

/* Entry @i of section @sec, which runs at @run, points into the code. */
static int extable_check_entry(struct load_info *info, unsigned int sec,
			       const struct exception_table_entry *e, size_t i)
{
	uint64_t run = info->sechdrs[sec].sh_addr + i * sizeof(*e);
	uint64_t insn = run + e->insn;
	uint64_t fixup = run + sizeof(e->insn) + e->fixup;

	if (!extable_in_code(info, insn) || !extable_in_code(info, fixup))
		return module_reject(info,
				     "section %u (%s) entry %zu: %s %#llx is not in the module's code",
				     sec, EXTABLE_SECTION, i,
				     extable_in_code(info, insn) ?
					     "fixup" :
					     "instruction",
				     (unsigned long long)(extable_in_code(info,
									  insn) ?
								  fixup :
								  insn));
	return 0;
}

int module_find_extable(struct load_info *info, uint64_t *addr, size_t *count)
{
	unsigned int sec = extable_section(info);
	struct exception_table_entry *tab;
	const Elf64_Shdr *s;
	size_t num;
	int err;

	*addr = 0;
	*count = 0;
	if (!sec)
		return 0;
	s = &info->sechdrs[sec];
	if (s->sh_size % sizeof(*tab) || !IS_ALIGNED(s->sh_addr, 4))
		return module_reject(info,
				     "section %u (%s): not an array of %zu-byte entries",
				     sec, EXTABLE_SECTION, sizeof(*tab));
	tab = module_addr_to_mem(info, s->sh_addr);
	num = s->sh_size / sizeof(*tab);
	for (size_t i = 0; i < num; i++) {
		err = extable_check_entry(info, sec, &tab[i], i);
		if (err)
			return err;
	}
	/* Offsets are from each entry: sorting the alias sorts the table. */
	extable_sort(tab, num);
	*addr = s->sh_addr;
	*count = num;
	return 0;
}

/* The entry for @addr in the table of the module whose code holds it. */
static const struct exception_table_entry *module_extable_search(uintptr_t addr)
{
	struct module *m;

	list_for_each_entry(m, &module_list, list)
		if (module_text_contains(m, addr))
			return extable_search(m->extable, m->num_exentries,
					      addr);
	return NULL;
}

static int __init module_extable_init(void)
{
	extable_module_search_register(module_extable_search);
	return 0;
}
core_initcall(module_extable_init);
