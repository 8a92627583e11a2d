/*
 * The exception table: for each instruction that may fault on purpose (a
 * user copy touching memory it was not sure of), where to resume instead
 * of oopsing.  Linux's struct exception_table_entry, with both addresses
 * as 32-bit offsets from the field that holds them.
 */
#ifndef KERNEL_EXTABLE_H
#define KERNEL_EXTABLE_H

#include <kernel/types.h>

struct exception_table_entry {
	int32_t insn;  /* the instruction that may fault, from &insn */
	int32_t fixup; /* where to go on if it does, from &fixup */
};

/* clang-format off */
/*
 * _ASM_EXTABLE(from, to), in inline assembly: an entry saying that a fault
 * at label @from resumes at label @to.  The section is allocated so that a
 * module's table is loaded with its code.
 */
#define _ASM_EXTABLE(from, to)                                     \
	".pushsection __ex_table, \"a\"\n"                         \
	".balign 4\n"                                              \
	".long (" #from ") - .\n"                                  \
	".long (" #to ") - .\n"                                    \
	".popsection\n"
/* clang-format on */

/* ex_insn_addr, ex_fixup_addr - an entry's two addresses. */
static inline uintptr_t ex_insn_addr(const struct exception_table_entry *e)
{
	return (uintptr_t)&e->insn + e->insn;
}

static inline uintptr_t ex_fixup_addr(const struct exception_table_entry *e)
{
	return (uintptr_t)&e->fixup + e->fixup;
}

/*
 * extable_sort - sort the @num entries at @tab by instruction address.
 * Entries are moved with their offsets rewritten for their new place, so
 * the order is the same wherever the table later runs (tools/sortextable
 * sorts the kernel's in its file).  Pure: no allocation, no locks; the
 * table and the code it names must lie within 2 GiB of each other.
 */
void extable_sort(struct exception_table_entry *tab, size_t num);

/*
 * extable_search - the entry of @addr in the sorted @num entries at @tab,
 * by binary search; NULL if @addr has none.  Pure, any context.
 */
const struct exception_table_entry *
extable_search(const struct exception_table_entry *tab, size_t num,
	       uintptr_t addr);

/* The kernel's own table, sorted at build time (linker.ld). */
extern const struct exception_table_entry __start___ex_table[];
extern const struct exception_table_entry __stop___ex_table[];

/*
 * fixup_exception - if the instruction at @regs->rip has an entry in the
 * kernel's table or a module's, move @regs->rip to its fixup and return
 * true; else false (a bug: the caller oopses).  From the exception handler.
 */
struct pt_regs;
bool fixup_exception(struct pt_regs *regs);

/*
 * extable_module_search_register - how fixup_exception() looks into
 * modules' tables: @search gives the entry of an address in a loaded
 * module's text, or NULL.  The module loader registers it once at boot
 * (it sits above the cpu layer).
 */
void extable_module_search_register(
	const struct exception_table_entry *(*search)(uintptr_t addr));

#endif
