/*
 * Exception fixups: a fault at an instruction listed in an exception
 * table (the kernel's, sorted at build time, or a loaded module's) is no
 * bug; the handler resumes at the entry's fixup instead of oopsing.
 */
#include <kernel/extable.h>
#include <kernel/interrupt.h>

static const struct exception_table_entry *(*module_search)(uintptr_t addr);

void extable_module_search_register(
	const struct exception_table_entry *(*search)(uintptr_t addr))
{
	module_search = search;
}

/* The entry of @addr in the kernel's table or a module's, or NULL. */
static const struct exception_table_entry *extable_find(uintptr_t addr)
{
	const struct exception_table_entry *e;

	e = extable_search(__start___ex_table,
			   __stop___ex_table - __start___ex_table, addr);
	if (!e && module_search)
		e = module_search(addr);
	return e;
}

/* excerpt: fixup-exception */
bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e = extable_find(regs->rip);

	if (!e)
		return false;
	regs->rip = ex_fixup_addr(e);
	return true;
}
/* excerpt-end: fixup-exception */
