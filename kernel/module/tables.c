/*
 * Checks of what a module's special tables point at, before anything
 * follows a pointer in them: exports, parameters and the tables registered
 * from above (the shell's commands) are plain data in the file, so a
 * crafted module could aim them anywhere.
 * Every name must be a string in the module's own core read-only data,
 * every function in its core code, every variable in its core data, and
 * every parameter type one the kernel provides.  Entry points are checked
 * for type and place as well, and a symbol the loader itself writes
 * through (__this_module) must be a slot of core data large enough for
 * what it writes.  Pure: runs after relocation, on the image.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/moduleparam.h>
#include <kernel/string.h>
#include "internal.h"

static const char *const part_names[] = {
	[PART_TEXT] = "code",
	[PART_RODATA] = "read-only data",
	[PART_DATA] = "data",
	[PART_ANY] = "memory",
};

/* Does [@addr, @addr + @size) lie in @part of region @r? */
static bool part_contains(const struct load_info *info, enum module_region_id r,
			  enum module_part part, uint64_t addr, uint64_t size)
{
	const struct module_region *reg = &info->region[r];
	uint64_t start = 0, end = reg->size;

	if (part == PART_TEXT)
		end = reg->text_size;
	else if (part == PART_RODATA)
		start = reg->text_size, end = reg->ro_size;
	else if (part == PART_DATA)
		start = reg->ro_size;
	return in_region(addr, size, reg->addr + start, end - start);
}

/* Is @addr a NUL-terminated string in the core's read-only data? */
static bool is_core_string(const struct load_info *info, uint64_t addr)
{
	const struct module_region *core = &info->region[MOD_CORE];
	const char *s;

	if (!part_contains(info, MOD_CORE, PART_RODATA, addr, 1))
		return false;
	s = module_addr_to_mem(info, addr);
	return strnlen(s, core->addr + core->ro_size - addr) <
	       core->addr + core->ro_size - addr;
}

/* The table entry at run address @addr, through its writable alias. */
static const void *entry_at(const struct load_info *info, uint64_t addr)
{
	return module_addr_to_mem(info, addr);
}

static int bad_pointer(struct load_info *info, const char *table, size_t i,
		       const char *field, uint64_t value, enum module_part want)
{
	return module_reject(info,
			     "%s entry %zu: %s %#llx is not in the module's own core %s",
			     table, i, field, (unsigned long long)value,
			     part_names[want]);
}

static int check_exports(struct load_info *info, uint64_t base, size_t count,
			 const char *table)
{
	for (size_t i = 0; i < count; i++) {
		const struct kernel_symbol *ks =
			entry_at(info, base + i * sizeof(*ks));
		const char *name;

		if (!is_core_string(info, (uintptr_t)ks->name))
			return bad_pointer(info, table, i, "name",
					   (uintptr_t)ks->name, PART_RODATA);
		/* Never the init region: it is freed while the export lives on. */
		name = module_addr_to_mem(info, (uintptr_t)ks->name);
		if (!part_contains(info, MOD_CORE, PART_ANY, ks->value, 1))
			return module_reject(info,
					     "%s entry %zu (%s): address %#llx is not in the module's core (init memory or elsewhere)",
					     table, i, name,
					     (unsigned long long)ks->value);
	}
	return 0;
}

/* The kernel's parameter type at @ops, or NULL. */
static const struct module_param_type *
param_type(const struct module_param_type *types, size_t ntypes, uint64_t ops)
{
	for (size_t i = 0; i < ntypes; i++)
		if (types[i].ops == ops)
			return &types[i];
	return NULL;
}

static int check_param_array(struct load_info *info, size_t i, const char *name,
			     uint64_t addr,
			     const struct module_param_type *types,
			     size_t ntypes)
{
	const struct kparam_array *arr;
	const struct module_param_type *t;

	/* Misaligned, the kernel's reads and writes through it would be undefined. */
	if (addr % _Alignof(struct kparam_array) ||
	    !part_contains(info, MOD_CORE, PART_RODATA, addr, sizeof(*arr)))
		return bad_pointer(info, "__param", i, "array", addr,
				   PART_RODATA);
	arr = entry_at(info, addr);
	t = param_type(types, ntypes, (uintptr_t)arr->ops);
	if (!t || t->kind != MODULE_PARAM_SCALAR || t->size != arr->elemsize)
		return module_reject(info,
				     "__param entry %zu (%s): array element type %#llx (%u bytes) is not one the kernel provides",
				     i, name,
				     (unsigned long long)(uintptr_t)arr->ops,
				     arr->elemsize);
	/* max and elemsize are 32-bit: their product cannot wrap 64 bits. */
	if (!arr->max || (uintptr_t)arr->elem % arr->elemsize ||
	    !part_contains(info, MOD_CORE, PART_DATA, (uintptr_t)arr->elem,
			   (uint64_t)arr->max * arr->elemsize))
		return bad_pointer(info, "__param", i, "array storage",
				   (uintptr_t)arr->elem, PART_DATA);
	if (arr->num &&
	    ((uintptr_t)arr->num % _Alignof(unsigned int) ||
	     !part_contains(info, MOD_CORE, PART_DATA, (uintptr_t)arr->num,
			    sizeof(*arr->num))))
		return bad_pointer(info, "__param", i, "array count",
				   (uintptr_t)arr->num, PART_DATA);
	return 0;
}

static int check_param_string(struct load_info *info, size_t i, uint64_t addr)
{
	const struct kparam_string *kps;

	if (addr % _Alignof(struct kparam_string) ||
	    !part_contains(info, MOD_CORE, PART_RODATA, addr, sizeof(*kps)))
		return bad_pointer(info, "__param", i, "string", addr,
				   PART_RODATA);
	kps = entry_at(info, addr);
	if (!kps->maxlen || !part_contains(info, MOD_CORE, PART_DATA,
					   (uintptr_t)kps->string, kps->maxlen))
		return bad_pointer(info, "__param", i, "string buffer",
				   (uintptr_t)kps->string, PART_DATA);
	return 0;
}

/* Is @fn NULL, in the module's core code or a kernel function it may use? */
static bool param_fn_ok(const struct load_info *info, uint64_t fn,
			const struct module_param_type *types, size_t ntypes)
{
	const struct module_param_type *t = param_type(types, ntypes, fn);

	return !fn || (t && t->kind == MODULE_PARAM_FUNC) ||
	       part_contains(info, MOD_CORE, PART_TEXT, fn, 1);
}

/*
 * module_param_cb() with ops of the module's own: the ops in its core
 * rodata, each function one it may call, the argument in its core data.
 */
static int check_param_cb(struct load_info *info, size_t i, const char *name,
			  const struct kernel_param *kp,
			  const struct module_param_type *types, size_t ntypes)
{
	uint64_t addr = (uintptr_t)kp->ops;
	const struct kernel_param_ops *ops;

	if (addr % _Alignof(struct kernel_param_ops) ||
	    !part_contains(info, MOD_CORE, PART_RODATA, addr, sizeof(*ops)))
		return module_reject(info,
				     "__param entry %zu (%s): type %#llx is not one the kernel provides nor ops in the module's own core read-only data",
				     i, name, (unsigned long long)addr);
	ops = entry_at(info, addr);
	if (!ops->set || !param_fn_ok(info, (uintptr_t)ops->set, types, ntypes))
		return bad_pointer(info, "__param", i, "set",
				   (uintptr_t)ops->set, PART_TEXT);
	if (!param_fn_ok(info, (uintptr_t)ops->get, types, ntypes))
		return bad_pointer(info, "__param", i, "get",
				   (uintptr_t)ops->get, PART_TEXT);
	if (!param_fn_ok(info, (uintptr_t)ops->free, types, ntypes))
		return bad_pointer(info, "__param", i, "free",
				   (uintptr_t)ops->free, PART_TEXT);
	if (kp->arg &&
	    !part_contains(info, MOD_CORE, PART_DATA, (uintptr_t)kp->arg, 1))
		return bad_pointer(info, "__param", i, "argument",
				   (uintptr_t)kp->arg, PART_DATA);
	return 0;
}

static int check_params(struct load_info *info,
			const struct module_param_type *types, size_t ntypes)
{
	for (size_t i = 0; i < info->num_params; i++) {
		const struct kernel_param *kp =
			entry_at(info, info->params_addr + i * sizeof(*kp));
		const struct module_param_type *t;
		const char *name;
		int err = 0;

		if (!is_core_string(info, (uintptr_t)kp->name))
			return bad_pointer(info, "__param", i, "name",
					   (uintptr_t)kp->name, PART_RODATA);
		name = module_addr_to_mem(info, (uintptr_t)kp->name);
		t = param_type(types, ntypes, (uintptr_t)kp->ops);
		if (!t || t->kind == MODULE_PARAM_FUNC)
			err = check_param_cb(info, i, name, kp, types, ntypes);
		else if (t->kind == MODULE_PARAM_ARRAY)
			err = check_param_array(info, i, name,
						(uintptr_t)kp->arr, types,
						ntypes);
		else if (t->kind == MODULE_PARAM_STRING)
			err = check_param_string(info, i, (uintptr_t)kp->str);
		else if (!part_contains(info, MOD_CORE, PART_DATA,
					(uintptr_t)kp->arg, t->size))
			err = bad_pointer(info, "__param", i, "variable",
					  (uintptr_t)kp->arg, PART_DATA);
		if (err)
			return err;
	}
	return 0;
}

/* Field @f of entry @e of a registered table (@entry: its bytes). */
static int check_field(struct load_info *info, const char *table, size_t e,
		       const struct module_table_field *f, const char *entry)
{
	enum module_part want = f->kind == MODULE_FIELD_STRING ? PART_RODATA :
								 PART_TEXT;
	uint64_t value;
	bool ok;

	memcpy(&value, entry + f->offset, sizeof(value));
	if (!value && f->optional)
		return 0;
	if (f->kind == MODULE_FIELD_STRING)
		ok = is_core_string(info, value);
	else
		ok = part_contains(info, MOD_CORE, PART_TEXT, value, 1);
	return ok ? 0 : bad_pointer(info, table, e, f->name, value, want);
}

/* Every described field of every entry of registered table @i. */
static int check_registered(struct load_info *info, size_t i)
{
	const struct module_table_ops *ops = info->tables[i];
	const struct module_table_place *t = &info->table[i];
	int err = 0;

	for (size_t e = 0; !err && e < t->count; e++) {
		const char *entry =
			entry_at(info, t->addr + e * ops->entry_size);

		for (size_t k = 0; !err && k < ops->num_fields; k++)
			err = check_field(info, ops->section, e,
					  &ops->fields[k], entry);
	}
	return err;
}

int module_check_tables(struct load_info *info,
			const struct module_param_type *types, size_t ntypes)
{
	int err = check_exports(info, info->ksyms_addr, info->num_ksyms,
				"___ksymtab");

	if (!err)
		err = check_exports(info, info->gpl_ksyms_addr,
				    info->num_gpl_ksyms, "___ksymtab_gpl");
	if (!err)
		err = check_params(info, types, ntypes);
	for (size_t i = 0; !err && i < info->num_tables; i++)
		err = check_registered(info, i);
	return err;
}

/* The defined global symbol @name, or NULL. */
static const Elf64_Sym *find_global(const struct load_info *info,
				    const char *name)
{
	for (size_t i = 1; i < info->num_syms; i++) {
		const Elf64_Sym *sym = &info->syms[i];

		if (ELF64_ST_BIND(sym->st_info) != STB_LOCAL &&
		    sym->st_shndx != SHN_UNDEF &&
		    module_section_loaded(info, sym->st_shndx) &&
		    !strcmp(info->strtab + sym->st_name, name))
			return sym;
	}
	return NULL;
}

/*
 * An entry point must be a function in code: init_module in the core or
 * init code, cleanup_module in the core code only (the init region is gone
 * by the time rmmod calls it).
 */
static int check_entry(struct load_info *info, const Elf64_Sym *sym,
		       const char *name, bool init_allowed)
{
	if (ELF64_ST_TYPE(sym->st_info) != STT_FUNC)
		return module_reject(info,
				     "%s is not a function (symbol type %u)",
				     name, ELF64_ST_TYPE(sym->st_info));
	if (part_contains(info, MOD_CORE, PART_TEXT, sym->st_value, 1) ||
	    (init_allowed &&
	     part_contains(info, MOD_INIT, PART_TEXT, sym->st_value, 1)))
		return 0;
	return module_reject(info, "%s is in section %u (%s), not in %s", name,
			     sym->st_shndx,
			     module_section_name(info, sym->st_shndx),
			     init_allowed ? "code" :
					    "code that stays (not .init.text)");
}

int module_writable_symbol(struct load_info *info, const char *name,
			   size_t size, void **mem)
{
	const Elf64_Sym *sym = find_global(info, name);
	unsigned int sec;

	*mem = NULL;
	if (!sym)
		return 0;
	sec = sym->st_shndx;
	if (!part_contains(info, MOD_CORE, PART_DATA, sym->st_value, 1))
		return module_reject(info,
				     "%s is in section %u (%s), not in writable data",
				     name, sec, module_section_name(info, sec));
	if (sym->st_size < size ||
	    !part_contains(info, MOD_CORE, PART_DATA, sym->st_value, size))
		return module_reject(info,
				     "%s in section %u (%s) is %llu bytes, too small for the %zu the loader writes there",
				     name, sec, module_section_name(info, sec),
				     (unsigned long long)sym->st_size, size);
	if (!IS_ALIGNED(sym->st_value, MIN(size, (size_t)8)))
		return module_reject(info,
				     "%s in section %u (%s) is not %zu-byte aligned",
				     name, sec, module_section_name(info, sec),
				     MIN(size, (size_t)8));
	*mem = module_addr_to_mem(info, sym->st_value);
	return 0;
}

int module_find_init_exit(struct load_info *info, uint64_t *init,
			  uint64_t *exit)
{
	const Elf64_Sym *i = find_global(info, "init_module");
	const Elf64_Sym *e = find_global(info, "cleanup_module");
	int err;

	*init = *exit = 0;
	err = i ? check_entry(info, i, "init_module", true) : 0;
	if (!err && e)
		err = check_entry(info, e, "cleanup_module", false);
	if (err)
		return err;
	*init = i ? i->st_value : 0;
	*exit = e ? e->st_value : 0;
	return 0;
}
