/*
 * Loadable modules.  The same driver source is built in (module_init() is
 * a device initcall, module_exit() is discarded) or, compiled with
 * -DMODULE, becomes a .ko whose init_module/cleanup_module are aliases of
 * the functions named here.  The loader (kernel/module/) links a .ko into
 * the module area; this header is its API and the macros modules use.
 */
#ifndef KERNEL_MODULE_H
#define KERNEL_MODULE_H

#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/modinfo.h>
#include <kernel/moduleparam.h>
#include <kernel/panic.h>
#include <kernel/types.h>

/*
 * The version magic every module carries (vermagic= in .modinfo) and the
 * loader compares with its own: the kernel version and the build options
 * that decide the binary interface (code model, no red zone, unload).
 */
#define VERMAGIC_STRING \
	SPROUT_VERSION " x86_64 mcmodel=kernel no-red-zone mod_unload"

/*
 * __copy(fn) gives the alias the attributes of its target (section, cold),
 * which GCC's -Wmissing-attributes otherwise wants spelled out.
 */
#if defined(__has_attribute) && __has_attribute(__copy__)
#define __copy(fn) __attribute__((__copy__(fn)))
#else
#define __copy(fn)
#endif

/* excerpt: module-init-alias */
#ifdef MODULE
/*
 * The inline function checks @fn's type at compile time; the alias makes
 * the symbol the loader calls.
 */
#define module_init(fn)                                    \
	static inline initcall_t __unused __inittest(void) \
	{                                                  \
		return fn;                                 \
	}                                                  \
	int init_module(void) __copy(fn) __attribute__((alias(#fn)))
#define module_exit(fn)                                    \
	static inline exitcall_t __unused __exittest(void) \
	{                                                  \
		return fn;                                 \
	}                                                  \
	void cleanup_module(void) __copy(fn) __attribute__((alias(#fn)))
#else
#define module_init(fn) device_initcall(fn)
#define module_exit(fn) __exitcall(fn)
#endif
/* excerpt-end: module-init-alias */

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(s) MODULE_INFO(license, s)
#define MODULE_AUTHOR(s) MODULE_INFO(author, s)
#define MODULE_DESCRIPTION(s) MODULE_INFO(description, s)
#define MODULE_ALIAS(s) MODULE_INFO(alias, s)
#define MODULE_VERSION(s) MODULE_INFO(version, s)
#define MODULE_SOFTDEP(s) MODULE_INFO(softdep, s)

#define MODULE_NAME_LEN \
	56 /* with the NUL, as Linux: 64 - sizeof(unsigned long) */
#define MODULE_USES_MAX 16 /* modules one module may take symbols from */

enum module_state {
	MODULE_STATE_COMING, /* linked, init_module running */
	MODULE_STATE_LIVE,   /* init_module returned 0 */
	MODULE_STATE_GOING,  /* being removed, or init failed */
};

/* A module's function symbols, kept for backtraces (kernel/module/kallsyms.c). */
struct module_ksym {
	uintptr_t addr;
	uint32_t size;
	uint32_t name; /* offset in strings */
};

/*
 * A loaded section's run address, kept for debuggers: gdb's sprout-symbols
 * (tools/gdb/sprout.py) gives each to add-symbol-file, as Linux's
 * lx-symbols reads /sys/module/<name>/sections.
 */
struct module_section {
	uintptr_t addr;
	const char *name; /* in the same allocation as the array */
};

/*
 * module_name_eq - whether module names @a (@a_len bytes) and @b are the
 * same name; as in Linux, '-' and '_' are interchangeable.  Inline: the
 * pure modprobe code and the host tests use it too.
 */
static inline bool module_name_eq(const char *a, size_t a_len, const char *b)
{
	size_t i;

	for (i = 0; i < a_len && b[i]; i++) {
		char x = a[i] == '-' ? '_' : a[i];
		char y = b[i] == '-' ? '_' : b[i];

		if (x != y)
			return false;
	}
	return i == a_len && !b[i];
}

/* One loaded module. */
struct module {
	char name[MODULE_NAME_LEN];
	enum module_state state;
	struct module *next; /* in the list of loaded modules */
	int refcount; /* users: modules using its exports, try_module_get */
	struct module
		*uses[MODULE_USES_MAX]; /* modules it holds a reference on */
	size_t num_uses;
	bool gpl_compatible;

	void *core; /* module area: text RX | rodata R | data RW;
				   NULL if the module is all __init */
	size_t core_size, core_text_size, core_ro_size;
	void *init; /* freed once init_module returned 0 */
	size_t init_size, init_text_size, init_ro_size;

	int (*init_fn)(void);
	/* NULL with an init_fn: the module cannot be removed (Linux's rule). */
	void (*exit_fn)(void);
	const struct kernel_symbol *syms, *gpl_syms;
	size_t num_syms, num_gpl_syms;
	const struct kernel_param *params;
	size_t num_params;
	char *args;    /* the argument string; charp parameters point in */
	char *modinfo; /* a copy of .modinfo */
	size_t modinfo_size;
	struct module_ksym *ksyms;
	size_t num_ksyms;
	char *ksym_names;
	struct module_section *sections; /* every loaded section */
	size_t num_sections;
};

/*
 * A pointer field of a table entry and what it must point at: the loader
 * checks every entry's field before the table is handed over, so a bad
 * table is refused with "<section> entry <i>: <name> <value> is not in the
 * module's own core <part>" and no subsystem follows a stray pointer.
 */
enum module_field_kind {
	MODULE_FIELD_STRING, /* a NUL-terminated string in core rodata */
	MODULE_FIELD_CODE,   /* an address in core code */
};

struct module_table_field {
	const char *name; /* in messages: "name", "function" */
	size_t offset;	  /* of the 8-byte pointer in an entry */
	enum module_field_kind kind;
	bool optional; /* NULL is allowed */
};

/*
 * A table section modules carry for a subsystem above the loader (the
 * shell's .shell_cmds): the subsystem registers it and describes its
 * entries, and the loader places each module's copy in core read-only
 * data, checks it (a whole number of @entry_size entries, 8-byte aligned,
 * every field of @fields where it must point) and hands it over, so the
 * loader knows nothing of what the entries mean.
 */
struct module_table_ops {
	const char *section;
	size_t entry_size; /* a non-zero multiple of 8 */
	const struct module_table_field *fields;
	size_t num_fields;
	/*
	 * add - take @mod's @count entries at @table (in the module's core,
	 * read-only, checked) before its init_module runs.  0, or a negative
	 * errno with a one-line reason in @why (@why_size bytes): the load
	 * fails.  Not called for a module without the section.
	 */
	int (*add)(struct module *mod, const void *table, size_t count,
		   char *why, size_t why_size);
	/* remove - forget what add took from @mod; called even if it took none. */
	void (*remove)(struct module *mod);
};

/*
 * module_table_register - hand @ops->section of every module loaded from
 * now on to @ops.  From an initcall before late_initcall_sync, when the
 * boot-time modules load; @ops stays the caller's and is not copied.
 * 0; -EINVAL if @ops describes entries the loader cannot check (a size
 * that is not a multiple of 8, a field outside the entry), -EEXIST if the
 * section is registered already, -ENOSPC past MODULE_TABLES_MAX tables.
 */
#define MODULE_TABLES_MAX 4
int module_table_register(const struct module_table_ops *ops);

/*
 * load_module - link the module file @buf (@len bytes; only read) under
 * @name, set its parameters from @args ("a=1 s=text arr=1,2,3", may be
 * NULL) and run its init_module.  Returns 0; -ENOEXEC for a malformed
 * file or a version mismatch, -ENOENT for an unknown symbol, -EEXIST if a
 * module of that name is loaded or it exports a name exported already,
 * -EPERM if module loading is disabled, it is blacklisted or a GPL-only
 * symbol is refused, -ENOMEM, a parameter error, or init_module's error.
 * Every failure is logged and leaves nothing allocated.
 */
int load_module(const char *name, const void *buf, size_t len,
		const char *args);

/*
 * remove_module - run @name's cleanup_module and free it.  -ENOENT if not
 * loaded, -EBUSY if another module uses it, it is in use, or it has no
 * cleanup_module.
 */
int remove_module(const char *name);

/* module_find - the loaded (or loading) module called @name, or NULL. */
struct module *module_find(const char *name);

/* module_for_each - call @fn on every loaded module, oldest first. */
void module_for_each(void (*fn)(struct module *mod, void *arg), void *arg);

/*
 * module_get_info - the value of @tag in @mod's .modinfo (the @n-th one
 * for repeated tags such as parm), or NULL.
 */
const char *module_get_info(const struct module *mod, const char *tag,
			    unsigned int n);

/*
 * try_module_get - take a reference that keeps @mod loaded; false if it is
 * going away.  module_put - drop it.
 */
bool try_module_get(struct module *mod);
void module_put(struct module *mod);

/* module_state_name - "Live", "Loading" or "Unloading". */
const char *module_state_name(enum module_state state);

/*
 * module_address_lookup - the module function containing @addr: its name,
 * size and @addr's offset, with *@modname set; NULL if none.  For oopses.
 */
const char *module_address_lookup(uintptr_t addr, size_t *size, size_t *offset,
				  const char **modname);

#endif
