/*
 * EXPORT_SYMBOL: make a kernel or module symbol visible to modules.  Each
 * export is a struct kernel_symbol in a section of its own, named
 * "___ksymtab+<sym>" ("___ksymtab_gpl+<sym>" for GPL-only ones): linker.ld
 * sorts the kernel's into __start___ksymtab[]; the module loader finds a
 * module's by section name; tools/modsyms.sh reads the names at build time.
 */
#ifndef KERNEL_EXPORT_H
#define KERNEL_EXPORT_H

#include <kernel/types.h>

/* One exported symbol: its address and its name. */
struct kernel_symbol {
	uintptr_t value;
	const char *name;
};

#define KSYMTAB_PREFIX "___ksymtab+"
#define KSYMTAB_GPL_PREFIX "___ksymtab_gpl+"

/*
 * The extern declaration makes the compiler check that @sym exists; the
 * name string goes to __ksymtab_strings, which linker.ld keeps.
 */
/* clang-format off */
#define __EXPORT_SYMBOL(sym, sec)                                           \
	extern __typeof__(sym) sym;                                         \
	static const char __kstrtab_##sym[] __used                          \
		__section("__ksymtab_strings") __aligned(1) = #sym;         \
	static const struct kernel_symbol __ksymtab_##sym __used           \
		__section(sec #sym) __aligned(8) = {                        \
			(uintptr_t)&sym, __kstrtab_##sym }
/* clang-format on */

/* Host unit tests link kernel code into a program that has no exports. */
#ifdef HOST_TEST
#define EXPORT_SYMBOL(sym) extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym) extern __typeof__(sym) sym
#else
#define EXPORT_SYMBOL(sym) __EXPORT_SYMBOL(sym, KSYMTAB_PREFIX)
#define EXPORT_SYMBOL_GPL(sym) __EXPORT_SYMBOL(sym, KSYMTAB_GPL_PREFIX)
#endif

/*
 * THIS_MODULE - the struct module of the module being compiled, NULL in
 * built-in code (as in Linux).  A module's struct module is __this_module,
 * an object in its own data that its generated .mod.c defines and the
 * loader fills in (kernel/module/identity.c), so THIS_MODULE is an address
 * constant: ".owner = THIS_MODULE" initializes a static structure.
 */
struct module;
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#endif
