/*
 * free_initmem(): once boot is over, the __init code and data between
 * __init_begin and __init_end are unmapped and their frames go back to the
 * allocator.  A later touch faults, and mm/fault.c names the cause.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

size_t init_freed_bytes;

/* lab: 07 free-initmem */
/* excerpt: free-initmem */
void free_initmem(void)
{
	size_t size = (size_t)(__init_end - __init_begin);
	size_t pages = size >> PAGE_SHIFT;

	if (init_freed_bytes || !pages)
		return;
	vmm_unmap((uintptr_t)__init_begin, pages);
	/* Init code's alias was read-only (paging.c); the frames become RAM. */
	direct_map_protect(virt_to_phys(__init_begin), pages, true);
	/*
	 * Stale __initdata reads 0xcc bytes, a pointer of them faults.  The
	 * init text is left as it is: no mapping can run it any more (its
	 * address is unmapped, the direct map is NX).  Filling it, as Linux
	 * does, costs an emulator a self-modifying-code check on every store
	 * while it still holds translations of the code: 2 ms for 12 KiB.
	 */
	memset(phys_to_virt(virt_to_phys(__init_data_start)),
	       POISON_FREE_INITMEM, (size_t)(__init_end - __init_data_start));
	if (frame_pool_release(&frame_pool, virt_to_phys(__init_begin), pages))
		return;
	init_freed_bytes = size;
	pr_info("Freeing unused kernel memory: %zuk freed\n", size >> 10);
}
/* excerpt-end: free-initmem */
/* lab-end: 07 free-initmem */
