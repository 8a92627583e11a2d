/*
 * What went wrong in a page fault, in words, for the oops: NULL page,
 * non-canonical address, freed init memory, stack guard page, write to a
 * read-only page, execution of an NX page, or nothing mapped.
 */
#include <kernel/interrupt.h>
#include <kernel/module.h>
#include "internal.h"

static bool in_range(uintptr_t a, const void *start, const void *end)
{
	return a >= (uintptr_t)start && a < (uintptr_t)end;
}

static const char *explain_not_present(uintptr_t addr)
{
	if (in_range(addr, __init_begin, __init_end) && init_freed_bytes)
		return "access to freed init memory (an __init function or __initdata used after boot)";
	if (in_range(addr, kernel_stack_guard, kernel_stack_bottom))
		return "kernel stack guard page hit: kernel stack overflow";
	if (in_range(addr, ist_stack_guard, ist_stack_bottom))
		return "double-fault stack guard page hit: that stack overflowed";
	if (module_freed_init(addr))
		return "access to a module's freed init memory (an __init function or __initdata used after init_module)";
	if (vmarea_is_guard(addr))
		return "guard page after a module area or ioremap range: overrun";
	if (addr >= MODULE_AREA_START && addr < MODULE_AREA_END)
		return "unmapped address in the module area (freed module memory?)";
	if (addr >= DIRECT_MAP_BASE &&
	    addr < DIRECT_MAP_BASE + FRAME_PHYS_LIMIT)
		return "unmapped address in the direct map (not RAM)";
	return "unmapped address";
}

const char *mm_explain_fault(uintptr_t addr, uint64_t error)
{
	if (addr < PAGE_SIZE)
		return "NULL pointer dereference";
	if ((uintptr_t)((intptr_t)(addr << 16) >> 16) != addr)
		return "non-canonical address";
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
