/*
 * The kernel's own page tables, replacing the boot ones: the direct map of
 * all RAM, and the kernel image with each part's real permissions from the
 * linker symbols, so no page is writable and executable.  Each frame's
 * direct-map alias gets the permissions of what the frame holds (read-only
 * under code and constants, mm/directmap.c): the direct map is in 2 MiB
 * pages, split into 4 KiB ones where that happens.  Nothing below the
 * direct map is mapped: NULL and stray low pointers fault.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/kasan.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

#define LEGACY_AREA_END 0x100000ull /* VGA text memory is at 0xb8000 */
#define RAM_RANGES_MAX (BOOT_MAX_MMAP + 1)

struct ram_range {
	phys_addr_t start, end;
};

extern char __init_text_start[], __kallsyms_start[];

static bool __init direct_mapped_type(uint32_t type)
{
	return type == MB2_MEMORY_AVAILABLE ||
	       type == MB2_MEMORY_ACPI_RECLAIMABLE || type == MB2_MEMORY_NVS;
}

/* Sort @r by start (insertion sort: a few dozen entries) and merge overlaps. */
static size_t __init merge_ranges(struct ram_range *r, size_t n)
{
	size_t m = 0;

	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j && r[j].start < r[j - 1].start; j--) {
			struct ram_range t = r[j];

			r[j] = r[j - 1];
			r[j - 1] = t;
		}
	for (size_t i = 1; i < n; i++) {
		if (r[i].start <= r[m].end)
			r[m].end = MAX(r[m].end, r[i].end);
		else
			r[++m] = r[i];
	}
	return m + 1;
}

/* The RAM to direct-map, as sorted, disjoint, page-aligned ranges. */
static size_t __init collect_ram(const struct boot_info *info,
				 struct ram_range *r)
{
	size_t n = 0;

	r[n++] = (struct ram_range){ 0, LEGACY_AREA_END };
	for (size_t i = 0; i < info->mmap_count; i++) {
		const struct boot_mmap_entry *e = &info->mmap[i];
		phys_addr_t s = ALIGN_DOWN(e->addr, (phys_addr_t)PAGE_SIZE);
		phys_addr_t end = e->addr + e->len;

		if (!direct_mapped_type(e->type) || !e->len || end < e->addr ||
		    s >= FRAME_PHYS_LIMIT)
			continue;
		end = ALIGN_UP(MIN(end, FRAME_PHYS_LIMIT),
			       (phys_addr_t)PAGE_SIZE);
		r[n++] = (struct ram_range){ s, end };
	}
	return merge_ranges(r, n);
}

/*
 * Frames [start, end) at their direct-map addresses, writable, NX: 2 MiB
 * pages where whole aligned ones fit, 4 KiB pages at the ends.  For 128 MiB
 * that is one page table instead of 64 to fill, and the boot's frames stay
 * in the first 2 MiB after the kernel; direct_map_protect splits a 2 MiB
 * page when a frame in it gets other permissions.
 */
static void __init map_direct(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t huge_start = ALIGN_UP(start, (phys_addr_t)HUGE_PAGE_SIZE);
	phys_addr_t huge_end = ALIGN_DOWN(end, (phys_addr_t)HUGE_PAGE_SIZE);
	int err = 0;

	if (huge_start >= huge_end)
		huge_start = huge_end = end;
	if (start < huge_start)
		err = vmm_map((uintptr_t)phys_to_virt(start), start,
			      (huge_start - start) >> PAGE_SHIFT,
			      PAGE_KERNEL_RW);
	if (!err && huge_start < huge_end)
		err = vmm_map_huge((uintptr_t)phys_to_virt(huge_start),
				   huge_start,
				   (huge_end - huge_start) / HUGE_PAGE_SIZE,
				   PAGE_KERNEL_RW);
	if (!err && huge_end < end)
		err = vmm_map((uintptr_t)phys_to_virt(huge_end), huge_end,
			      (end - huge_end) >> PAGE_SHIFT, PAGE_KERNEL_RW);
	if (err)
		panic("mm: cannot direct-map %#llx-%#llx: error %d",
		      (unsigned long long)start, (unsigned long long)end, err);
}

/* excerpt: map-kernel-image */
/* The image's parts in address order; each ends where the next begins. */
static void __init map_kernel_image(void)
{
	const struct {
		char *start;
		pte_t flags;
	} part[] = {
		/* Not writable: the direct-map alias is made read-only too. */
		{ __text_start, PAGE_KERNEL_RX },
		{ __rodata_start, PAGE_KERNEL_RO },
		{ __init_text_start, PAGE_KERNEL_RX },
		{ __init_data_start, PAGE_KERNEL_RW },
		{ __data_start, PAGE_KERNEL_RW },
		{ __kallsyms_start, PAGE_KERNEL_RO },
		{ __kernel_end, 0 },
	};

	for (size_t i = 0; i + 1 < ARRAY_SIZE(part); i++) {
		uintptr_t s = (uintptr_t)part[i].start;
		size_t pages = ((uintptr_t)part[i + 1].start - s) >> PAGE_SHIFT;

		if (!pages)
			continue;
		if (vmm_map(s, virt_to_phys(part[i].start), pages,
			    part[i].flags) ||
		    (!(part[i].flags & PTE_WRITABLE) &&
		     direct_map_protect(virt_to_phys(part[i].start), pages,
					false)))
			panic("mm: cannot map the kernel image at %#lx",
			      (unsigned long)s);
	}
	/* An overflow of a kernel stack faults here instead of corrupting. */
	vmm_unmap((uintptr_t)kernel_stack_guard, 1);
	vmm_unmap((uintptr_t)ist_stack_guard, 1);
}
/* excerpt-end: map-kernel-image */

/* excerpt: paging-init */
void __init mm_paging_init(void)
{
	struct ram_range ram[RAM_RANGES_MAX];
	phys_addr_t root = frame_alloc();
	size_t n;

	if (!root)
		panic("mm: no frame for the page-table root");
	kernel_pml4 = phys_to_virt(root);
	memset(kernel_pml4, 0, PAGE_SIZE);
	n = collect_ram(&boot_info, ram);
	for (size_t i = 0; i < n; i++)
		map_direct(ram[i].start, ram[i].end);
	map_kernel_image();
	/* The debug kernel's stack checks write the boot stack's shadow. */
	kasan_map_early_shadow();
	write_cr3(root);
	/* Global pages (the kernel's) survive CR3 loads; this flushes them all. */
	write_cr4(read_cr4() | CR4_PGE);
	pr_info("mm: kernel page tables loaded: text RX, rodata RO, data NX, direct map of %zu range(s), read-only under code and constants\n",
		n);
}
/* excerpt-end: paging-init */

void __init mm_init(void)
{
	mm_frames_init(&boot_info);
	mm_paging_init();
	/* Before the heap: KASAN's shadow must see every object. */
	kasan_init();
	mm_heap_init();
	mm_audit_init();
	mm_fault_init();
}
