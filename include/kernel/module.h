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
#include <kernel/types.h>

/*
 * The version magic every module carries (vermagic= in .modinfo) and the
 * loader compares with its own: the kernel version and the build options
 * that decide the binary interface (code model, no red zone, unload).
 */
#define VERMAGIC_STRING SPROUT_VERSION " x86_64 mcmodel=kernel no-red-zone mod_unload"

/*
 * __copy(fn) gives the alias the attributes of its target (section, cold),
 * which GCC's -Wmissing-attributes otherwise wants spelled out.
 */
#if defined(__has_attribute) && __has_attribute(__copy__)
#define __copy(fn) __attribute__((__copy__(fn)))
#else
#define __copy(fn)
#endif

#ifdef MODULE
/*
 * The inline function checks @fn's type at compile time; the alias makes
 * the symbol the loader calls.
 */
#define module_init(fn)                                                     \
	static inline initcall_t __unused __inittest(void) { return fn; }   \
	int init_module(void) __copy(fn) __attribute__((alias(#fn)))
#define module_exit(fn)                                                     \
	static inline exitcall_t __unused __exittest(void) { return fn; }   \
	void cleanup_module(void) __copy(fn) __attribute__((alias(#fn)))
#else
#define module_init(fn) device_initcall(fn)
#define module_exit(fn) __exitcall(fn)
#endif

#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(s) MODULE_INFO(license, s)
#define MODULE_AUTHOR(s) MODULE_INFO(author, s)
#define MODULE_DESCRIPTION(s) MODULE_INFO(description, s)
#define MODULE_ALIAS(s) MODULE_INFO(alias, s)
#define MODULE_VERSION(s) MODULE_INFO(version, s)

#define MODULE_NAME_LEN 56

#endif
