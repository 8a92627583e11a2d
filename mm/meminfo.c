/*
 * The memory counters in one struct, for the meminfo shell command and for
 * tests that check nothing leaked: snapshot, act, compare.
 */
#include <kernel/kasan.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include "internal.h"

void mm_get_stats(struct mm_stats *st)
{
	/*
	 * Objects KASAN holds back count as freed, and so do the heap pages
	 * their late frees leave empty: without the quarantine the heap
	 * would have reused those objects instead of taking the pages.
	 */
	if (kasan_active())
		kmalloc_trim();
	st->frames_total = frame_pool.total;
	st->frames_free = frame_pool_free_count(&frame_pool);
	st->frames_reserved = frame_pool.reserved_count;
	kmalloc_stats(st);
	vmarea_stats(st);
	st->init_freed = init_freed_bytes;
}

static int cmd_meminfo(char *args)
{
	struct mm_stats st;

	mm_get_stats(&st);
	console_printf("Frames:      %8zu total  %8zu free  %8zu reserved  (%zu KiB each)\n",
		       st.frames_total, st.frames_free, st.frames_reserved,
		       PAGE_SIZE >> 10);
	console_printf("MemTotal:    %8zu KiB\nMemFree:     %8zu KiB\n",
		       st.frames_total << 2, st.frames_free << 2);
	console_printf("Heap:        %8zu bytes in %zu allocations, %zu pages held, %zu bad frees\n",
		       st.heap_bytes, st.heap_allocations, st.heap_pages,
		       st.heap_bad_frees);
	console_printf("Module area: %8zu pages mapped\n", st.modarea_pages);
	console_printf("ioremap:     %8zu pages mapped\n", st.ioremap_pages);
	console_printf("Stack area:  %8zu pages mapped\n", st.stack_pages);
	console_printf("Init freed:  %8zu KiB\n", st.init_freed >> 10);
	return 0;
}
SHELL_COMMAND("meminfo", "", "frames, heap, module area and freed init memory",
	      cmd_meminfo);
