/*
 * Names for addresses in module code, so an oops in a module reads
 * "fn+0x12/0x40 [hello]": each module keeps a copy of its function symbols,
 * which a symbol source registered with the kernel's kallsyms looks up.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

static bool is_code_symbol(const struct load_info *info, const Elf64_Sym *sym)
{
	return ELF64_ST_TYPE(sym->st_info) == STT_FUNC &&
	       module_section_loaded(info, sym->st_shndx) && sym->st_name;
}

int module_kallsyms_copy(struct module *mod, const struct load_info *info)
{
	size_t n = 0, names = 0;

	for (size_t i = 1; i < info->num_syms; i++)
		if (is_code_symbol(info, &info->syms[i])) {
			n++;
			names += strlen(info->strtab + info->syms[i].st_name) +
				 1;
		}
	mod->ksyms = kmalloc(n * sizeof(*mod->ksyms) + 1, GFP_KERNEL);
	if (!mod->ksyms)
		return -ENOMEM;
	mod->ksym_names = kmalloc(names + 1, GFP_KERNEL);
	if (!mod->ksym_names)
		goto out_free_ksyms;
	names = 0;
	for (size_t i = 1; i < info->num_syms; i++) {
		const Elf64_Sym *sym = &info->syms[i];
		const char *name = info->strtab + sym->st_name;

		if (!is_code_symbol(info, sym))
			continue;
		mod->ksyms[mod->num_ksyms++] = (struct module_ksym){
			sym->st_value, (uint32_t)sym->st_size, (uint32_t)names
		};
		strlcpy(mod->ksym_names + names, name, strlen(name) + 1);
		names += strlen(name) + 1;
	}
	return 0;

out_free_ksyms:
	kfree(mod->ksyms);
	mod->ksyms = NULL;
	return -ENOMEM;
}

void module_kallsyms_free(struct module *mod)
{
	kfree(mod->ksyms);
	kfree(mod->ksym_names);
	mod->ksyms = NULL;
	mod->ksym_names = NULL;
	mod->num_ksyms = 0;
}

const char *module_address_lookup(uintptr_t addr, size_t *size, size_t *offset,
				  const char **modname)
{
	struct module *m;

	list_for_each_entry(m, &module_list, list) {
		if (!module_text_contains(m, addr))
			continue;
		for (size_t i = 0; i < m->num_ksyms; i++) {
			const struct module_ksym *k = &m->ksyms[i];

			if (addr < k->addr ||
			    addr - k->addr >= MAX(k->size, 1u))
				continue;
			*size = k->size;
			*offset = addr - k->addr;
			*modname = m->name;
			return m->ksym_names + k->name;
		}
	}
	return NULL;
}

void module_for_each_function(const struct module *mod,
			      void (*fn)(const char *name, uintptr_t addr,
					 void *arg),
			      void *arg)
{
	for (size_t i = 0; i < mod->num_ksyms; i++) {
		uintptr_t addr = mod->ksyms[i].addr;

		if (module_text_contains(mod, addr))
			fn(mod->ksym_names + mod->ksyms[i].name, addr, arg);
	}
}

static struct kallsyms_source module_kallsyms_source = {
	.lookup = module_address_lookup,
};

/* Oopses name module code: before any module loads. */
static int __init module_kallsyms_init(void)
{
	kallsyms_register_source(&module_kallsyms_source);
	return 0;
}
core_initcall(module_kallsyms_init);
