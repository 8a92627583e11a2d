/*
 * Section markers for code and data that are needed only while booting, and
 * the initcall levels that run the built-in drivers in order.
 *
 * Put __init on a function used only during boot and __initdata (writable)
 * or __initconst (read-only) on its data.  linker.ld gathers them between
 * __init_begin and __init_end; free_initmem() unmaps that region once boot
 * is over, so any later use faults with a message naming freed init memory.
 * Code that stays must not refer to __init code or data: tools/modpost
 * (tools/modpost.c) finds such section mismatches and fails the build.  A function that may
 * legitimately refer to init code (because it only does so during boot) is
 * marked __ref.
 * excerpt: section-table
 *   macro        section        linker.ld rule
 *   __init       .init.text     .init.text  (in the init region, R X)
 *   __initdata   .init.data     .init.data  (in the init region, RW)
 *   __initconst  .init.rodata   .init.data  (in the init region)
 *   __exit       .exit.text     /DISCARD/ when built in; kept in a module
 *   __exitdata   .exit.data     /DISCARD/ when built in; kept in a module
 *   __exit_call  .exitcall.exit /DISCARD/ (the built-in module_exit table)
 * excerpt-end: section-table
 */
#ifndef KERNEL_INIT_H
#define KERNEL_INIT_H

#include <kernel/types.h>

/* excerpt: init-macros */
#define __init __section(".init.text") __attribute__((__cold__, __noinline__))
#define __initdata __section(".init.data")
#define __initconst __section(".init.rodata")
#define __exit __section(".exit.text") __attribute__((__cold__, __noinline__))
#define __exitdata __section(".exit.data")
#define __exit_call __used __section(".exitcall.exit")
#define __ref __section(".ref.text") __attribute__((__noinline__))
/* excerpt-end: init-macros */

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/*
 * Initcalls: a pointer to each function goes into .initcall<level>.init;
 * linker.ld lays the levels out in order and do_initcalls() runs them:
 *
 *   0 pure  1 core  2 postcore  3 arch  4 subsys  5 fs  rootfs  6 device
 *   7 late, each numbered level followed by its _sync variant ("s").
 *
 * Within a level, entries run in link order (the order of obj-y); two
 * entries of one level in the same file run in the order the compiler
 * emitted them, which need not be source order.  The entry's name,
 * __initcall_<fn><id>, is unique and shows in the symbol table; a function
 * of any type but int fn(void) fails to compile with a message naming it.
 */
/* excerpt: define-initcall */
#define __initcall_type_check(fn, type, what)                              \
	_Static_assert(__builtin_types_compatible_p(__typeof__(fn), type), \
		       what " " #fn " must be declared as " #type)

/*
 * Host builds (unit tests, fuzzers) have no linker script and no levels:
 * there every initcall goes to the section "initcall_table", which the
 * linker brackets with __start_initcall_table and __stop_initcall_table,
 * for a test to run what the kernel code it builds registers.
 */
#ifdef HOST_TEST
#define INITCALL_SECTION(sec) "initcall_table"
#else
#define INITCALL_SECTION(sec) ".initcall" #sec ".init"
#endif

/* clang-format off */
#define __define_initcall(fn, id, sec)                                      \
	__initcall_type_check(fn, int(void), "initcall");                   \
	static initcall_t __initcall_##fn##id __used                       \
		__section(INITCALL_SECTION(sec)) = fn
/* clang-format on */

#define pure_initcall(fn) __define_initcall(fn, 0, 0)
#define pure_initcall_sync(fn) __define_initcall(fn, 0s, 0s)
#define core_initcall(fn) __define_initcall(fn, 1, 1)
#define core_initcall_sync(fn) __define_initcall(fn, 1s, 1s)
#define postcore_initcall(fn) __define_initcall(fn, 2, 2)
#define postcore_initcall_sync(fn) __define_initcall(fn, 2s, 2s)
#define arch_initcall(fn) __define_initcall(fn, 3, 3)
#define arch_initcall_sync(fn) __define_initcall(fn, 3s, 3s)
#define subsys_initcall(fn) __define_initcall(fn, 4, 4)
#define subsys_initcall_sync(fn) __define_initcall(fn, 4s, 4s)
#define fs_initcall(fn) __define_initcall(fn, 5, 5)
#define fs_initcall_sync(fn) __define_initcall(fn, 5s, 5s)
#define rootfs_initcall(fn) __define_initcall(fn, rootfs, rootfs)
#define device_initcall(fn) __define_initcall(fn, 6, 6)
#define device_initcall_sync(fn) __define_initcall(fn, 6s, 6s)
#define late_initcall(fn) __define_initcall(fn, 7, 7)
#define late_initcall_sync(fn) __define_initcall(fn, 7s, 7s)
/* excerpt-end: define-initcall */

/* excerpt: exitcall */
#define __initcall(fn) device_initcall(fn)
#define __exitcall(fn)                                     \
	__initcall_type_check(fn, void(void), "exitcall"); \
	static exitcall_t __exitcall_##fn __exit_call = fn
/* excerpt-end: exitcall */

/*
 * Kernel command-line parameters handled by built-in code.  The table lives
 * in .init.setup (init memory).  early_param() handlers run right after the
 * command line is read, before memory management; __setup() handlers run
 * just before the initcalls.  @str is "name" (the handler gets the value
 * after '=', or NULL) -- a handler returns 0, or -EINVAL for a bad value,
 * which is reported by name.
 */
struct kernel_param_setup {
	const char *name;
	int (*fn)(const char *val);
	bool early;
};

/*
 * linker.ld brackets .init.setup with __setup_start and __setup_end.  Host
 * builds (the fuzzers) have no linker script: there the table is the
 * section "setup_table", which the linker brackets with
 * __start_setup_table and __stop_setup_table.
 */
#ifdef HOST_TEST
#define SETUP_SECTION "setup_table"
#else
#define SETUP_SECTION ".init.setup"
#endif

/* clang-format off */
#define __setup_param(str, unique, fn, early)                                \
	static const char __setup_str_##unique[] __initconst = str;          \
	static const struct kernel_param_setup __setup_##unique __used      \
		__section(SETUP_SECTION) __aligned(8) = {                    \
			__setup_str_##unique, fn, early }
/* clang-format on */

#define __setup(str, fn) __setup_param(str, fn, fn, false)
#define early_param(str, fn) __setup_param(str, fn, fn, true)

/* Run every built-in initcall, level by level (kernel/init/initcall.c). */
void do_initcalls(void);

#endif
