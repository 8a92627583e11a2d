/*
 * What went wrong in a page fault, in words, for the oops: freed init
 * memory, stack guard page, write to a read-only page, execution of an NX
 * page, or nothing mapped.  Registered with the page-fault handler.
 */
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include "internal.h"

static bool in_range(uintptr_t a, const void *start, const void *end)
{
	return a >= (uintptr_t)start && a < (uintptr_t)end;
}

/* excerpt: explain-not-present */
static const char *explain_not_present(uintptr_t addr)
{
	if (in_range(addr, __init_begin, __init_end) && init_freed_bytes)
		return "access to freed init memory (an __init function or __initdata used after boot)";
	if (in_range(addr, kernel_stack_guard, kernel_stack_bottom))
		return "kernel stack guard page hit: kernel stack overflow";
	if (in_range(addr, ist_stack_guard, ist_stack_bottom))
		return "double-fault stack guard page hit: that stack overflowed";
	if (vmarea_is_stack_guard(addr))
		return "thread stack guard page hit: kernel stack overflow";
	if (vmarea_is_guard(addr))
		return "guard page after a module area or ioremap range: overrun";
	if (addr >= MODULE_AREA_START && addr < MODULE_AREA_END)
		return "unmapped address in the module area (freed module memory?)";
	if (addr >= DIRECT_MAP_BASE &&
	    addr < DIRECT_MAP_BASE + FRAME_PHYS_LIMIT)
		return "unmapped address in the direct map (not RAM)";
	return "unmapped address";
}
/* excerpt-end: explain-not-present */

/* excerpt: explain-fault */
static const char *mm_explain_fault(uintptr_t addr, uint64_t error)
{
	if (error & PF_RSVD)
		return "reserved bit set in a page-table entry";
	if (!(error & PF_PRESENT))
		return explain_not_present(addr);
	if (error & PF_INSTR)
		return "execute of non-executable (NX) page";
	if (error & PF_WRITE)
		return "write to read-only page";
	return "access not allowed by the page's permissions";
}
/* excerpt-end: explain-fault */

static struct fault_explainer mm_fault_explainer = {
	.explain = mm_explain_fault,
};

void __init mm_fault_init(void)
{
	fault_explainer_register(&mm_fault_explainer);
}
