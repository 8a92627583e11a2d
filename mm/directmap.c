/*
 * Permissions of the direct map.  Every RAM frame is mapped there, so the
 * frames under kernel and module code and constants have a second address;
 * it is kept read-only while they hold such contents, or the direct map
 * would be a writable alias that defeats W^X and read-only data.
 */
#include "internal.h"

int direct_map_protect(phys_addr_t pa, size_t pages, bool writable)
{
	return vmm_protect((uintptr_t)phys_to_virt(pa), pages,
			   writable ? PAGE_KERNEL_RW : PAGE_KERNEL_RO);
}
