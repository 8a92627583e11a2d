/*
 * The module loader's private interface: the state of one load (struct
 * load_info) and the pure steps that act on it -- check the ELF file, lay
 * out its sections, resolve symbols, apply relocations.  None of them
 * allocates or prints, so the host unit tests run them on real .ko files.
 */
#ifndef KERNEL_MODULE_INTERNAL_H
#define KERNEL_MODULE_INTERNAL_H

#include <kernel/elf.h>
#include <kernel/module.h>
#include <kernel/types.h>

/* excerpt: module-regions */
/*
 * A module lives in two allocations: core (kept while it is loaded) and
 * init (freed once init_module has returned 0).  Each is laid out as
 *   [0, text_size)         code                    R X
 *   [text_size, ro_size)   constants, exports, GOT R
 *   [ro_size, size)        data and bss            R W
 * with every boundary page-aligned, so each part gets its own permissions.
 */
enum module_region_id { MOD_CORE, MOD_INIT, MOD_REGIONS };
/* excerpt-end: module-regions */

/*
 * The parts of a region, in the order drawn above; PART_ANY is the whole
 * region, for a check that only needs an address to be the module's.
 */
enum module_part { PART_TEXT, PART_RODATA, PART_DATA, PART_ANY };

/*
 * in_region - whether [@addr, @addr + @size) lies inside [@start, @start +
 * @len), with no sum that could wrap: the one range test of the loader.
 */
static inline bool in_region(uint64_t addr, uint64_t size, uint64_t start,
			     uint64_t len)
{
	return addr >= start && addr - start < len &&
	       size <= len - (addr - start);
}

struct module_region {
	void *mem;     /* where the loader writes the bytes */
	uint64_t addr; /* where the code runs; == mem in the kernel */
	size_t text_size;
	size_t ro_size;
	size_t size;
};

#define MODULE_WHY_MAX 256

/* Where one registered table (tables[i]) lies in the core: count entries. */
struct module_table_place {
	uint64_t addr;
	size_t count;
	bool present; /* the module has the section (maybe empty) */
};

/*
 * The most sections a module may have.  A module built with
 * -ffunction-sections -fdata-sections has a few per function; a file with
 * more is refused before any per-section work.
 */
#define MODULE_SECTIONS_MAX 8192u

struct load_info {
	const char *name; /* for messages: "hello" */
	Elf64_Ehdr *hdr;  /* the file, modified in place while loading */
	size_t len;
	Elf64_Shdr *sechdrs;
	const char *secstrings;
	size_t secstrings_size;
	unsigned int symtab_index;
	Elf64_Sym *syms;
	size_t num_syms;
	const char *strtab;
	size_t strtab_size;
	const char *modinfo; /* NULL if the module has none */
	size_t modinfo_size;

	struct module_region region[MOD_REGIONS];
	uint64_t ksyms_addr; /* struct kernel_symbol[num_ksyms], core ro */
	size_t num_ksyms;
	uint64_t gpl_ksyms_addr;
	size_t num_gpl_ksyms;
	uint64_t params_addr; /* struct kernel_param[num_params] */
	size_t num_params;
	/* The tables registered from above, as module_layout() was given them. */
	const struct module_table_ops *const *tables;
	size_t num_tables;
	struct module_table_place table[MODULE_TABLES_MAX];
	uint64_t got_addr; /* GOT slots for GOTPCREL, core ro */
	size_t got_slots;
	size_t got_used;

	char why[MODULE_WHY_MAX]; /* the reason of the last rejection */
};

/*
 * module_reject - record "<module>: <message>" in @info->why and return
 * -ENOEXEC, so a check reads "return module_reject(info, ...);".  This and
 * the three lookups below (load_info.c) serve every step of a load.
 */
int module_reject(struct load_info *info, const char *fmt, ...) __printf(2, 3);

/* module_section_name - the name of section @index, or "?" if unnamed. */
const char *module_section_name(const struct load_info *info,
				unsigned int index);

/* module_symbol_name - a symbol's name; a section symbol's section name. */
const char *module_symbol_name(const struct load_info *info,
			       const Elf64_Sym *sym);

/* module_section_loaded - true if section @index is part of the image. */
bool module_section_loaded(const struct load_info *info, unsigned int index);

/*
 * module_addr_to_mem - the writable alias of run address @addr, or NULL.
 * After module_layout_place().
 */
void *module_addr_to_mem(const struct load_info *info, uint64_t addr);

/*
 * module_elf_check - validate the module file @buf (@len bytes, 8-byte
 * aligned, writable: later steps record addresses in it) before anything
 * else reads it: identity, class, byte order, machine, type, header sizes,
 * section count and name table, every section inside the file, power-of-two
 * alignments, no overlapping sections, one symbol table with its strings,
 * symbol sections and names in range, no common or indirect-function
 * (STT_GNU_IFUNC) symbols, relocation symbols and offsets in range.  Fills @info.  Returns 0 or -ENOEXEC with @info->why set.
 */
int module_elf_check(struct load_info *info, const char *name, void *buf,
		     size_t len);

/*
 * modinfo_get - the value of the @n-th (from 0) "@tag=value" string in the
 * .modinfo contents @modinfo (@size bytes, may be NULL), or NULL.  The
 * loader reads the file's with it, module_get_info() a loaded module's.
 */
const char *modinfo_get(const char *modinfo, size_t size, const char *tag,
			unsigned int n);

/*
 * module_check_vermagic - 0 if the module's "vermagic=" is this kernel's
 * VERMAGIC_STRING; else -ENOEXEC with @info->why naming both (modinfo.c).
 */
int module_check_vermagic(struct load_info *info);

/*
 * module_check_name - 0 if @name can name a module, as Linux's
 * KBUILD_MODNAME can: 1 to MODULE_NAME_LEN - 1 letters, digits and '_'
 * ('-' too, which the loader turns into '_').  Else -ENOEXEC with
 * @info->why showing the name (other bytes escaped) and @from, where it
 * came from (".modinfo name=", "file name").
 */
int module_check_name(struct load_info *info, const char *name,
		      const char *from);

/*
 * module_license_gpl_compatible - whether @license (may be NULL) lets a
 * module use EXPORT_SYMBOL_GPL symbols, as Linux decides it.
 */
bool module_license_gpl_compatible(const char *license);

/*
 * module_layout - choose which sections are loaded and where: each in the
 * core or init region, code, read-only or writable part; exports first in
 * core rodata, then parameters, then the tables @tables[0..@ntables)
 * describe (tables registered from above, at most MODULE_TABLES_MAX, each
 * valid as module_table_register() requires), then the GOT.  Sets the
 * regions' sizes (mem/addr still 0) and keeps @tables for the later
 * steps.  Drops .modinfo, .eh_frame, .note.* and .comment (nothing at run
 * time reads them).  Returns 0 or -ENOEXEC (writable code, a table that is
 * not a read-only array of whole entries, a lookalike table name).
 */
int module_layout(struct load_info *info,
		  const struct module_table_ops *const *tables, size_t ntables);

/*
 * module_layout_place - once the caller has set each region's mem and addr
 * (both page-aligned, size bytes), copy the sections into place, zero bss
 * and padding, and give each loaded section its run address (sh_addr).
 */
void module_layout_place(struct load_info *info);

/*
 * A resolver looks up an undefined symbol the module uses: 0 with *@value
 * set, -ENOENT if nobody exports it, or another error with @info->why set
 * (e.g. a GPL-only export refused).
 */
typedef int (*module_resolve_fn)(struct load_info *info, const char *name,
				 uint64_t *value, void *ctx);

/*
 * module_resolve_symbols - give every symbol its final value: section base
 * + offset for defined ones, @resolve for undefined ones (an undefined weak
 * symbol nobody exports is 0), the GOT for _GLOBAL_OFFSET_TABLE_.  Rejects
 * common symbols and unknown ones ("Unknown symbol").  After placement.
 * Returns 0, -ENOEXEC, -ENOENT or the resolver's error, with @info->why.
 */
int module_resolve_symbols(struct load_info *info, module_resolve_fn resolve,
			   void *ctx);

/*
 * module_find_symbol - the value of the global symbol @name the module
 * defines, or 0.  After module_resolve_symbols().
 */
uint64_t module_find_symbol(const struct load_info *info, const char *name);

/*
 * module_find_init_exit - the run addresses of init_module and
 * cleanup_module, 0 for one the module does not have (as in Linux, both
 * are optional: a library module that only exports has neither).  Each
 * must be a function: init_module in core or init code, cleanup_module in
 * core code.  After module_resolve_symbols().  0 or -ENOEXEC (tables.c).
 */
int module_find_init_exit(struct load_info *info, uint64_t *init,
			  uint64_t *exit);

/*
 * module_writable_symbol - where the loader may write @size bytes at the
 * global symbol @name the module defines: *@mem is the writable alias, or
 * NULL if the module has no such symbol.  The symbol must lie in the
 * core's writable data (never code, constants or init memory), be at
 * least @size bytes, all of them inside that part, and be 8-byte aligned
 * (@size-aligned if @size is less).  After module_resolve_symbols().  0 or -ENOEXEC naming
 * the symbol, its section and why (tables.c).
 */
int module_writable_symbol(struct load_info *info, const char *name,
			   size_t size, void **mem);

/*
 * module_find_ctors - the run address and number of the module's
 * constructors (.init_array, or .ctors; 0 and 0 if it has none), each
 * checked to point into the module's core or init code.  Refuses a module
 * with both sections, as Linux does, and one with constructor priorities
 * (".init_array.NNN", which only a linker script would merge).  After
 * relocation; 0 or -ENOEXEC naming the section and entry (ctors.c).
 */
int module_find_ctors(struct load_info *info, uint64_t *addr, size_t *count);

/*
 * module_find_extable - the run address and number of entries of the
 * module's exception table (__ex_table; 0 and 0 if it has none), each
 * entry checked to name an instruction and a fixup in the module's core
 * or init code, then sorted by instruction address through the writable
 * alias.  After relocation; 0 or -ENOEXEC naming the entry (extable.c).
 */
int module_find_extable(struct load_info *info, uint64_t *addr, size_t *count);

/*
 * A parameter type the kernel provides: the address of its ops, what its
 * argument points at, and the size of the variable a scalar type sets.
 */
enum module_param_kind {
	MODULE_PARAM_SCALAR, /* arg: the variable, @size bytes */
	MODULE_PARAM_ARRAY,  /* arr: a struct kparam_array */
	MODULE_PARAM_STRING, /* str: a struct kparam_string */
	MODULE_PARAM_FUNC, /* not ops: a function module_param_cb ops may use */
};

struct module_param_type {
	uint64_t ops;
	enum module_param_kind kind;
	size_t size;
};

/*
 * The parameter types a module may use, once for every user:
 * X(ops, kind, size) for each, then the kernel functions a module's own
 * ops (module_param_cb) may point at besides its own code.  The kernel
 * takes their addresses; the host tests, which link none, resolve their
 * names.
 */
/* clang-format off */
#define MODULE_PARAM_STD_FUNCS(X, type)                                  \
	X(param_set_##type, MODULE_PARAM_FUNC, 0)                        \
	X(param_get_##type, MODULE_PARAM_FUNC, 0)
#define MODULE_PARAM_TYPES(X)                                            \
	X(param_ops_bool, MODULE_PARAM_SCALAR, sizeof(bool))             \
	X(param_ops_invbool, MODULE_PARAM_SCALAR, sizeof(bool))          \
	X(param_ops_byte, MODULE_PARAM_SCALAR, sizeof(unsigned char))    \
	X(param_ops_short, MODULE_PARAM_SCALAR, sizeof(short))           \
	X(param_ops_ushort, MODULE_PARAM_SCALAR, sizeof(unsigned short)) \
	X(param_ops_int, MODULE_PARAM_SCALAR, sizeof(int))               \
	X(param_ops_uint, MODULE_PARAM_SCALAR, sizeof(unsigned int))     \
	X(param_ops_hexint, MODULE_PARAM_SCALAR, sizeof(unsigned int))   \
	X(param_ops_long, MODULE_PARAM_SCALAR, sizeof(long))             \
	X(param_ops_ulong, MODULE_PARAM_SCALAR, sizeof(unsigned long))   \
	X(param_ops_ullong, MODULE_PARAM_SCALAR, sizeof(long long))      \
	X(param_ops_charp, MODULE_PARAM_SCALAR, sizeof(char *))          \
	X(param_array_ops, MODULE_PARAM_ARRAY, 0)                        \
	X(param_ops_string, MODULE_PARAM_STRING, 0)                      \
	MODULE_PARAM_STD_FUNCS(X, bool)                                  \
	MODULE_PARAM_STD_FUNCS(X, invbool)                               \
	MODULE_PARAM_STD_FUNCS(X, byte)                                  \
	MODULE_PARAM_STD_FUNCS(X, short)                                 \
	MODULE_PARAM_STD_FUNCS(X, ushort)                                \
	MODULE_PARAM_STD_FUNCS(X, int)                                   \
	MODULE_PARAM_STD_FUNCS(X, uint)                                  \
	MODULE_PARAM_STD_FUNCS(X, hexint)                                \
	MODULE_PARAM_STD_FUNCS(X, long)                                  \
	MODULE_PARAM_STD_FUNCS(X, ulong)                                 \
	MODULE_PARAM_STD_FUNCS(X, ullong)                                \
	MODULE_PARAM_STD_FUNCS(X, charp)                                 \
	X(param_free_charp, MODULE_PARAM_FUNC, 0)
/* clang-format on */

/*
 * module_check_tables - before anything follows them, check every pointer
 * in the module's exports (name: a string in core read-only data; address:
 * in the core, never the init region), parameters (name; type one of
 * @types[0..@ntypes); variable, array or string buffer inside core data;
 * or ops of the module's own in core rodata, each function in its core
 * code or a MODULE_PARAM_FUNC of @types, the argument NULL or core data)
 * and every field that the registered tables module_layout() was given
 * describe (a string in core rodata, an address in core code).  After
 * relocation.  Returns 0 or -ENOEXEC naming the table, entry and field
 * (tables.c).
 */
int module_check_tables(struct load_info *info,
			const struct module_param_type *types, size_t ntypes);

/*
 * module_reloc_name - "R_X86_64_PC32" for a type number, or NULL.  It,
 * module_reloc_size() and module_reloc_uses_got() read one table of the
 * types (reloc_types.c).
 */
const char *module_reloc_name(uint32_t type);

/*
 * module_reloc_size - bytes a relocation of @type writes (0 for NONE), or
 * -1 for a type the loader does not apply.
 */
int module_reloc_size(uint32_t type);

/* module_reloc_uses_got - true for the GOTPCREL family. */
bool module_reloc_uses_got(uint32_t type);

/*
 * module_apply_relocations - apply every relocation section whose target is
 * loaded (those for .debug_* and dropped sections are skipped), with an
 * overflow check on each 32-bit field.  After module_resolve_symbols().
 * Returns 0 or -ENOEXEC naming the section, offset, type and symbol.
 */
int module_apply_relocations(struct load_info *info);

/* ---- Kernel side only (the files that act on a struct module) ---- */

struct module;

/* The loaded modules, oldest first (loaded.c). */
extern struct list_head module_list;

/*
 * module_append - add @mod at the end of module_list; module_unlink - take
 * it off again (it must be on it).
 */
void module_append(struct module *mod);
void module_unlink(struct module *mod);

/* The tables registered with module_table_register(), in order (handover.c). */
extern const struct module_table_ops *module_tables[MODULE_TABLES_MAX];
extern size_t module_num_tables;

/*
 * kernel_symbol_lookup - the kernel's export @name: 0 with its address and
 * whether it is GPL-only, -ENOENT, or -ENOMEM building the hash table.
 */
int kernel_symbol_lookup(const char *name, uintptr_t *value, bool *gpl_only);

/*
 * module_resolve - the kernel's resolver (a module_resolve_fn; @ctx is the
 * struct module being loaded): kernel exports, then live modules' exports,
 * taking a reference on each module used; GPL-only exports are refused to
 * modules that are not GPL-compatible (-EPERM).
 */
int module_resolve(struct load_info *info, const char *name, uint64_t *value,
		   void *ctx);

/*
 * module_check_exports_unique - refuse (-EEXIST, @info->why naming the
 * symbol and both owners) a module that exports a name the kernel, a
 * loaded module or the module itself exports already.  After
 * module_check_tables() (symtab.c).
 */
int module_check_exports_unique(struct load_info *info);

/* module_name_normalize - '-' to '_' in @name, as Linux's KBUILD_MODNAME. */
void module_name_normalize(char *name);

/*
 * module_take_identity - name @mod after its .modinfo name= (else after
 * its file name, normalized) and refuse it if that name is not one
 * KBUILD_MODNAME could be (-ENOEXEC, module_check_name()), is blacklisted
 * (-EPERM) or loaded (-EEXIST), with @info->why.  After module_elf_check.
 */
int module_take_identity(struct load_info *info, struct module *mod);

/*
 * module_set_this_module - move the struct module *@modp into the module's
 * own __this_module (THIS_MODULE, <kernel/export.h>), if it has one, and
 * point *@modp there; the old struct is left to the caller.  After
 * relocation; 0 or -ENOEXEC if the symbol is not room for a struct module
 * in the module's core data (module_writable_symbol()).
 */
int module_set_this_module(struct load_info *info, struct module **modp);

/*
 * module_blacklisted - @name is listed in module_blacklist= ('-' and '_'
 * alike; cmdline.c).
 */
bool module_blacklisted(const char *name);

/*
 * module_tables_add - hand each table a subsystem registered for (by
 * section name) to it, once the module is linked and before its
 * init_module runs.  0, or -ENOEXEC (not a read-only array of whole
 * entries) or the subsystem's refusal, with @info->why set; nothing is
 * left added then.  module_tables_remove - take them all back; harmless
 * if none was added.  (handover.c)
 */
int module_tables_add(struct load_info *info, struct module *mod);

/*
 * module_notify - tell the module notifier chain @mod is in @state
 * (notifier.c).  For MODULE_STATE_COMING, a refusal is logged and
 * returned as -errno, after the blocks told before it heard GOING; every
 * other state returns 0.  Sleeps.
 */
int module_notify(struct module *mod, enum module_state state);
void module_tables_remove(struct module *mod);

/* module_release_uses - drop the references @mod took on other modules. */
void module_release_uses(struct module *mod);

/*
 * module_kallsyms_copy - keep @mod's function symbols (run addresses) for
 * backtraces.  0 or -ENOMEM.  module_kallsyms_free - release them
 * (kallsyms.c).
 */
int module_kallsyms_copy(struct module *mod, const struct load_info *info);
void module_kallsyms_free(struct module *mod);

/*
 * module_sections_copy - keep the name and run address of each loaded
 * section of @mod, for debuggers.  After placement; 0 or -ENOMEM.
 * module_sections_free - release them; harmless if none were kept
 * (sections.c).
 */
int module_sections_copy(struct module *mod, const struct load_info *info);
void module_sections_free(struct module *mod);

/*
 * module_note_freed_init - remember that @name's init memory at @start
 * (@size bytes) was freed, so a later fault there says so;
 * module_forget_freed_init - that range has been handed out again
 * (freed_init.c).
 */
void module_note_freed_init(const char *name, const void *start, size_t size);
void module_forget_freed_init(const void *start, size_t size);

#endif
