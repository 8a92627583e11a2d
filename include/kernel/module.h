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
#include <kernel/list.h>
#include <kernel/modinfo.h>
#include <kernel/moduleparam.h>
#include <kernel/panic.h>
#include <kernel/types.h>

/*
 * The version magic every module carries (vermagic= in .modinfo) and the
 * loader compares with its own: the kernel version and the build options
 * that decide the binary interface (code model, no red zone, unload), and
 * the debug kernel's checkers, whose instrumented code calls into a
 * runtime only that kernel has.
 */
#ifdef CONFIG_UBSAN
#define VERMAGIC_UBSAN " ubsan"
#else
#define VERMAGIC_UBSAN ""
#endif
#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
#define VERMAGIC_ATOMIC_SLEEP " might_sleep"
#else
#define VERMAGIC_ATOMIC_SLEEP ""
#endif
#ifdef CONFIG_KASAN
#define VERMAGIC_KASAN " kasan"
#else
#define VERMAGIC_KASAN ""
#endif
/* lockdep changes every lock's layout and calls, so it is named too. */
#ifdef CONFIG_LOCKDEP
#define VERMAGIC_LOCKDEP " lockdep"
#else
#define VERMAGIC_LOCKDEP ""
#endif
#define VERMAGIC_ABI " x86_64 mcmodel=kernel no-red-zone mod_unload"
#define VERMAGIC_STRING                                                    \
	SPROUT_VERSION VERMAGIC_ABI VERMAGIC_LOCKDEP VERMAGIC_ATOMIC_SLEEP \
		VERMAGIC_KASAN VERMAGIC_UBSAN

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

/* A module name with its NUL, as Linux: 64 - sizeof(unsigned long). */
#define MODULE_NAME_LEN 56
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
struct exception_table_entry;
struct module_kobject;

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
	struct list_head list; /* in module_list, oldest first */
	int refcount; /* users: modules using its exports, try_module_get */
	/* The modules it holds a reference on. */
	struct module *uses[MODULE_USES_MAX];
	size_t num_uses;
	bool gpl_compatible;

	/* In the module area: text RX | rodata R | data RW; NULL if all __init. */
	void *core;
	size_t core_size, core_text_size, core_ro_size;
	void *init; /* freed once init_module returned 0 */
	size_t init_size, init_text_size, init_ro_size;

	/* Its constructors (.init_array), run just before init_fn. */
	void (**ctors)(void);
	size_t num_ctors;
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
	/* Its exception table, sorted at load (kernel/module/extable.c). */
	const struct exception_table_entry *extable;
	size_t num_exentries;
	/* Its /sys/module/<name>/, which sysfs makes and owns (COMING..GOING). */
	struct module_kobject *mkobj;
	/*
	 * It is the module's own __this_module, in its core data, freed with
	 * the core; false for a module without one, whose struct is the heap's.
	 */
	bool in_core;
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
 * cleanup_module.  -EBUSY too when, after cleanup_module, something still
 * runs its code (module_text_in_use()): it is then kept GOING, and a
 * later call frees it once nothing does, without running cleanup_module
 * again.
 */
int remove_module(const char *name);

/*
 * module_text_in_use - whether anything still runs @mod's code: a thread
 * in it or started on a function of it (kernel/module/unload.c lists the
 * checks).  If so, @why (@size bytes) says what, as "thread NAME (pid N)
 * still running FUNC".
 */
bool module_text_in_use(const struct module *mod, char *why, size_t size);

/*
 * module_loading_disabled - whether module loading is locked until reboot:
 * by modules_disabled on the command line or module_loading_disable().
 */
bool module_loading_disabled(void);

/*
 * module_loading_disable - refuse every later load_module() with -EPERM
 * until reboot, as Linux's kernel.modules_disabled; nothing undoes it, and
 * removing modules stays allowed.  Logs that loading is now disabled.
 */
void module_loading_disable(void);

/*
 * register_module_notifier - call @nb->notifier_call(@nb, state, mod) as
 * each module goes through its states, as Linux's: MODULE_STATE_COMING
 * once it is linked and its parameters set, before its init_module (a
 * refusal, notifier_from_errno(-errno), fails the load with -errno and
 * the blocks already told hear MODULE_STATE_GOING); MODULE_STATE_LIVE
 * once init_module returned 0; MODULE_STATE_GOING when init_module
 * failed, or at rmmod after cleanup_module, before its memory is freed.
 * Calls come from the loading or removing thread, one at a time; a block
 * may sleep.  0 (Linux's int).  unregister_module_notifier - take @nb
 * off: 0, or -ENOENT if it was not on.
 */
struct notifier_block;
int register_module_notifier(struct notifier_block *nb);
int unregister_module_notifier(struct notifier_block *nb);

/*
 * What code above the loader may know of a loaded module.  The shell's
 * module commands (kernel/modprobe/commands.c) read a module through these
 * only, never through struct module's fields.
 */

/* module_name - the name @mod has in lsmod ("kernel" for built-in code). */
static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

/*
 * module_refcount - the references held on @mod: one per module using its
 * exports, one per try_module_get().
 */
static inline int module_refcount(const struct module *mod)
{
	return mod->refcount;
}

/*
 * module_size - the bytes @mod takes, as lsmod shows them: its core, and
 * its init region until init_module has returned and it was freed (as
 * Linux's /proc/modules counts).
 */
static inline size_t module_size(const struct module *mod)
{
	return mod->core_size + (mod->init ? mod->init_size : 0);
}

/* module_get_state - where @mod is in its life cycle. */
static inline enum module_state module_get_state(const struct module *mod)
{
	return mod->state;
}

/*
 * module_gpl_compatible - whether @mod's license is GPL-compatible; if not,
 * it tainted the kernel and gets no GPL-only symbol.
 */
static inline bool module_gpl_compatible(const struct module *mod)
{
	return mod->gpl_compatible;
}

/*
 * module_for_each_holder - call @fn on every loaded module that holds a
 * reference on @mod (it uses @mod's exports), oldest first.
 */
void module_for_each_holder(const struct module *mod,
			    void (*fn)(const struct module *holder, void *arg),
			    void *arg);

/*
 * module_for_each_info - call @fn on each "tag=value" entry of @mod's
 * .modinfo, in the file's order, with the tag (@tag_len bytes, not
 * NUL-terminated) and the value; entries without '=' are skipped.
 */
void module_for_each_info(const struct module *mod,
			  void (*fn)(const char *tag, size_t tag_len,
				     const char *value, void *arg),
			  void *arg);

/*
 * module_for_each_function - call @fn with the name and address of each
 * function of @mod that is still in memory (those in freed init memory
 * are gone, as in Linux's /proc/kallsyms), in symbol table order.
 */
void module_for_each_function(const struct module *mod,
			      void (*fn)(const char *name, uintptr_t addr,
					 void *arg),
			      void *arg);

/* module_find - the loaded (or loading) module called @name, or NULL. */
struct module *module_find(const char *name);

/* module_for_each - call @fn on every loaded module, oldest first. */
void module_for_each(void (*fn)(struct module *mod, void *arg), void *arg);

/*
 * module_text_contains - whether @addr is in @mod's code: its core text, or
 * its init text until that is freed.
 */
bool module_text_contains(const struct module *mod, uintptr_t addr);

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
