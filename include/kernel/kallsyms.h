/*
 * The kernel's own symbol table, built into the image at link time
 * (tools/kallsyms.sh), so backtraces and initcall logs show names.
 */
#ifndef KERNEL_KALLSYMS_H
#define KERNEL_KALLSYMS_H

#include <kernel/list.h>
#include <kernel/types.h>

#define KSYM_NAME_LEN 128
#define KSYM_SYMBOL_LEN (KSYM_NAME_LEN + 64)

/*
 * kallsyms_lookup - find the function containing @addr in the kernel image.
 * Returns its name (static storage) and sets *@size and *@offset, or NULL.
 */
const char *kallsyms_lookup(uintptr_t addr, size_t *size, size_t *offset);

/*
 * kallsyms_symbol_at - the @i'th function of the image's table (address
 * order) and its address in *@addr, or NULL past the last.
 */
const char *kallsyms_symbol_at(size_t i, uintptr_t *addr);

/* kallsyms_lookup_name - address of the kernel symbol @name, or 0. */
uintptr_t kallsyms_lookup_name(const char *name);

/*
 * Code outside the image (modules) is named by a registered source:
 * lookup() works as kallsyms_lookup() and also sets *@owner to the name
 * shown in brackets.  Sources are asked in the order registered, after the
 * image's own table; lookup() may run inside an oops, so it only reads.
 */
struct kallsyms_source {
	const char *(*lookup)(uintptr_t addr, size_t *size, size_t *offset,
			      const char **owner);
	struct list_head list; /* in the sources asked, oldest first */
};

/* kallsyms_register_source - ask @src too; @src stays the caller's. */
void kallsyms_register_source(struct kallsyms_source *src);

/*
 * sprint_symbol - "name+0x12/0x40" for @addr, with " [owner]" for code a
 * source named, or the bare hex address when nothing is known.  Returns the length.
 */
int sprint_symbol(char *buf, size_t size, uintptr_t addr);

/*
 * sprint_backtrace - as sprint_symbol() for a return address @addr: the
 * function is the one containing the call (@addr - 1), the offset that
 * of @addr itself, as Linux's %pB prints it.
 */
int sprint_backtrace(char *buf, size_t size, uintptr_t addr);

#endif
