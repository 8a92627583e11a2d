/*
 * What went wrong in a page fault, in words, for the oops: NULL page,
 * non-canonical address, freed init memory, stack guard page, write to a
 * read-only page, execution of an NX page, or nothing mapped.  Also
 * free_initmem(), which creates the "freed init memory" case, and the
 * memory counters with the meminfo shell command.
 */
#include <kernel/interrupt.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "internal.h"

#define INIT_POISON 0xcc		/* int3 */

size_t init_freed_bytes;

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

void free_initmem(void)
{
	size_t size = (size_t)(__init_end - __init_begin);
	size_t pages = size >> PAGE_SHIFT;

	if (init_freed_bytes || !pages)
		return;
	vmm_unmap((uintptr_t)__init_begin, pages);
	/* int3 everywhere, as Linux does: stale code traps if reached again. */
	memset(phys_to_virt(virt_to_phys(__init_begin)), INIT_POISON, size);
	if (frame_pool_release(&frame_pool, virt_to_phys(__init_begin), pages))
		return;
	init_freed_bytes = size;
	pr_info("Freeing unused kernel memory: %zuk freed\n", size >> 10);
}

void mm_get_stats(struct mm_stats *st)
{
	st->frames_total = frame_pool.total;
	st->frames_free = frame_pool_free_count(&frame_pool);
	st->frames_reserved = frame_pool.reserved_count;
	kmalloc_stats(st);
	vmarea_stats(st);
	st->init_freed = init_freed_bytes;
}

static int cmd_meminfo(int argc, char **argv)
{
	struct mm_stats st;

	mm_get_stats(&st);
	shell_printf("Frames:      %8zu total  %8zu free  %8zu reserved  (%zu KiB each)\n",
		     st.frames_total, st.frames_free, st.frames_reserved,
		     PAGE_SIZE >> 10);
	shell_printf("MemTotal:    %8zu KiB\nMemFree:     %8zu KiB\n",
		     st.frames_total << 2, st.frames_free << 2);
	shell_printf("Heap:        %8zu bytes in %zu allocations, %zu pages held, %zu bad frees\n",
		     st.heap_bytes, st.heap_allocations, st.heap_pages,
		     st.heap_bad_frees);
	shell_printf("Module area: %8zu pages mapped\n", st.modarea_pages);
	shell_printf("ioremap:     %8zu pages mapped\n", st.ioremap_pages);
	shell_printf("Init freed:  %8zu KiB\n", st.init_freed >> 10);
	return 0;
}
SHELL_COMMAND("meminfo", "", "frames, heap, module area and freed init memory",
	      cmd_meminfo);
