/*
 * What every step of a load asks of it: refuse the module with a reason,
 * name a section or a symbol in that reason, tell whether a section is
 * loaded and where a run address is written.  The steps above (elf.c,
 * layout.c, reloc.c, tables.c) share these; this file calls none of them.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

int module_reject(struct load_info *info, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(info->why, sizeof(info->why), "%s: ", info->name);
	/* A name that fills the buffer leaves no room for the rest. */
	if (n < 0 || (size_t)n >= sizeof(info->why))
		return -ENOEXEC;
	va_start(ap, fmt);
	vsnprintf(info->why + n, sizeof(info->why) - (size_t)n, fmt, ap);
	va_end(ap);
	return -ENOEXEC;
}

const char *module_section_name(const struct load_info *info,
				unsigned int index)
{
	const Elf64_Shdr *s = &info->sechdrs[index];

	/* Only names already checked to lie inside the name table. */
	if (!info->secstrings || s->sh_name >= info->secstrings_size)
		return "?";
	return info->secstrings + s->sh_name;
}

const char *module_symbol_name(const struct load_info *info,
			       const Elf64_Sym *sym)
{
	if (ELF64_ST_TYPE(sym->st_info) == STT_SECTION &&
	    sym->st_shndx < info->hdr->e_shnum)
		return module_section_name(info, sym->st_shndx);
	return info->strtab + sym->st_name;
}

bool module_section_loaded(const struct load_info *info, unsigned int index)
{
	return index < info->hdr->e_shnum &&
	       (info->sechdrs[index].sh_flags & SHF_ALLOC);
}

void *module_addr_to_mem(const struct load_info *info, uint64_t addr)
{
	for (int i = 0; i < MOD_REGIONS; i++) {
		const struct module_region *r = &info->region[i];

		if (in_region(addr, 1, r->addr, r->size))
			return (char *)r->mem + (addr - r->addr);
	}
	return NULL;
}
