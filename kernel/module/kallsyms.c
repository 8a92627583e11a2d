/*
 * Names for addresses in module code, so an oops in a module reads
 * "fn+0x12/0x40 [hello]": each module keeps a copy of its function symbols.
 * Also remembers where freed module init memory was, for the fault message,
 * and where each section went, for gdb (tools/gdb/sprout.py).
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

#define FREED_INIT_MAX 32 /* recent freed init regions remembered */

struct freed_init {
	uintptr_t start, end;
	char name[MODULE_NAME_LEN];
};

static struct freed_init freed_init[FREED_INIT_MAX];
static size_t freed_init_next;

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

static bool in_region(uintptr_t addr, const void *base, size_t size)
{
	return base && addr >= (uintptr_t)base && addr - (uintptr_t)base < size;
}

const char *module_address_lookup(uintptr_t addr, size_t *size, size_t *offset,
				  const char **modname)
{
	for (struct module *m = module_list; m; m = m->next) {
		if (!in_region(addr, m->core, m->core_text_size) &&
		    !in_region(addr, m->init, m->init_text_size))
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

/* module_note_freed_init - remember [start, start + size) of @name. */
void module_note_freed_init(const char *name, const void *start, size_t size)
{
	struct freed_init *f = &freed_init[freed_init_next++ % FREED_INIT_MAX];

	f->start = (uintptr_t)start;
	f->end = (uintptr_t)start + size;
	strlcpy(f->name, name, sizeof(f->name));
}

void module_forget_freed_init(const void *start, size_t size)
{
	for (size_t i = 0; i < FREED_INIT_MAX; i++)
		if (freed_init[i].start < (uintptr_t)start + size &&
		    (uintptr_t)start < freed_init[i].end)
			freed_init[i].start = freed_init[i].end = 0;
}

/* The module whose freed init memory holds @addr, or NULL. */
static const char *module_freed_init(uintptr_t addr)
{
	for (size_t i = 0; i < FREED_INIT_MAX; i++)
		if (addr >= freed_init[i].start && addr < freed_init[i].end)
			return freed_init[i].name;
	return NULL;
}

static const char *module_explain_fault(uintptr_t addr, uint64_t error)
{
	if (error & PF_PRESENT || !module_freed_init(addr))
		return NULL;
	return "access to a module's freed init memory (an __init function or __initdata used after init_module)";
}

static struct fault_explainer module_fault_explainer = {
	.explain = module_explain_fault,
};

static struct kallsyms_source module_kallsyms_source = {
	.lookup = module_address_lookup,
};

/* Oopses name module code and freed module init memory: before any loads. */
static int __init module_kallsyms_init(void)
{
	kallsyms_register_source(&module_kallsyms_source);
	fault_explainer_register(&module_fault_explainer);
	return 0;
}
core_initcall(module_kallsyms_init);
