/*
 * Symbol values for a module: its own symbols become run addresses, the
 * ones it uses from the kernel or other modules come from a resolver (the
 * kernel's is kernel/module/main.c, the unit tests have their own).
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

#define GOT_SYMBOL "_GLOBAL_OFFSET_TABLE_"

/* excerpt: resolve-undefined */
static int resolve_undefined(struct load_info *info, Elf64_Sym *sym,
			     module_resolve_fn resolve, void *ctx)
{
	const char *name = info->strtab + sym->st_name;
	uint64_t value;
	int err;

	/* GOTPC-style code refers to the GOT by this name; ours is per module. */
	if (!strcmp(name, GOT_SYMBOL)) {
		sym->st_value = info->got_addr;
		return 0;
	}
	err = resolve(info, name, &value, ctx);
	if (err == -ENOENT && ELF64_ST_BIND(sym->st_info) == STB_WEAK) {
		sym->st_value = 0;
		return 0;
	}
	if (err == -ENOENT) {
		snprintf(info->why, sizeof(info->why), "%s: Unknown symbol %s",
			 info->name, name);
		return err;
	}
	if (err)
		return err;
	sym->st_value = value;
	return 0;
}
/* excerpt-end: resolve-undefined */

int module_resolve_symbols(struct load_info *info, module_resolve_fn resolve,
			   void *ctx)
{
	for (size_t i = 1; i < info->num_syms; i++) {
		Elf64_Sym *sym = &info->syms[i];
		int err;

		switch (sym->st_shndx) {
		case SHN_ABS:
			break;
		case SHN_UNDEF:
			if (!sym->st_name)
				break;
			err = resolve_undefined(info, sym, resolve, ctx);
			if (err)
				return err;
			break;
		default:
			/* Symbols of dropped sections keep their offset;
			 * relocations must not use them (reloc.c checks). */
			if (module_section_loaded(info, sym->st_shndx))
				sym->st_value +=
					info->sechdrs[sym->st_shndx].sh_addr;
			break;
		}
	}
	return 0;
}

uint64_t module_find_symbol(const struct load_info *info, const char *name)
{
	for (size_t i = 1; i < info->num_syms; i++) {
		const Elf64_Sym *sym = &info->syms[i];

		if (ELF64_ST_BIND(sym->st_info) == STB_LOCAL ||
		    sym->st_shndx == SHN_UNDEF ||
		    !module_section_loaded(info, sym->st_shndx))
			continue;
		if (!strcmp(info->strtab + sym->st_name, name))
			return sym->st_value;
	}
	return 0;
}
