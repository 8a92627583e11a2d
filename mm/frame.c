/*
 * Physical frames for the kernel: the frame pool (mm/frame_pool.c) fed the
 * Multiboot2 memory map, with the kernel image, the boot information, every
 * boot module and the legacy low megabyte set aside.
 */
#include <kernel/errno.h>
#include <kernel/fault_inject.h>
#include <kernel/init.h>
#include <kernel/kasan.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

/* excerpt: frame-limits */
/* BIOS data, EBDA, VGA memory and option ROMs live below 1 MiB. */
#define LOW_MEMORY_END 0x100000ull
/* boot/entry.asm direct-maps only this much; the bookkeeping must be there. */
#define BOOT_DIRECT_MAP_END (4ull << 30)
#define RESERVE_MAX (4 + BOOT_MAX_MODULES)
/* excerpt-end: frame-limits */

struct frame_pool frame_pool;

/* What mm_frames_init() set aside, for free_reserved_area() to check. */
static struct frame_range boot_res[RESERVE_MAX] __initdata;
static size_t boot_nres __initdata;

void mm_warn(const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pr_warn("mm: %s", msg);
}

/* excerpt: boot-reservations */
static size_t __init boot_reservations(const struct boot_info *info,
				       struct frame_range *res)
{
	extern char __boot_start[];
	size_t n = 0;

	res[n++] = (struct frame_range){ 0, LOW_MEMORY_END, "low memory" };
	res[n++] = (struct frame_range){ (phys_addr_t)(uintptr_t)__boot_start,
					 virt_to_phys(__kernel_end),
					 "kernel image" };
	res[n++] = (struct frame_range){ info->info_start, info->info_end,
					 "Multiboot2 information" };
	for (size_t i = 0; i < info->module_count; i++)
		res[n++] = (struct frame_range){ info->modules[i].start,
						 info->modules[i].end,
						 info->modules[i].name };
	return n;
}
/* excerpt-end: boot-reservations */

/* excerpt: frames-init */
void __init mm_frames_init(const struct boot_info *info)
{
	struct frame_range res[RESERVE_MAX];
	phys_addr_t base, end, storage;
	size_t nres, size;

	if (info->mmap_truncated)
		pr_warn("mm: memory map has more than %d entries; using the first\n",
			BOOT_MAX_MMAP);
	if (frame_map_extent(info->mmap, info->mmap_count, &base, &end,
			     mm_warn))
		panic("mm: the boot loader reported no usable RAM");
	nres = boot_reservations(info, res);
	size = ALIGN_UP(frame_pool_storage_size((end - base) >> PAGE_SHIFT),
			PAGE_SIZE);
	storage = frame_find_space(info->mmap, info->mmap_count, res, nres,
				   size, BOOT_DIRECT_MAP_END);
	if (!storage)
		panic("mm: no room below 4 GiB for %zu KiB of frame bookkeeping",
		      size >> 10);
	res[nres++] = (struct frame_range){ storage, storage + size,
					    "frame bookkeeping" };
	frame_pool_init(&frame_pool, phys_to_virt(storage), base, end,
			info->mmap, info->mmap_count, res, nres, mm_warn);
	memcpy(boot_res, res, sizeof(res));
	boot_nres = nres;
	/* Inclusive ends, as the memory map lines print them. */
	for (size_t i = 0; i < nres; i++)
		pr_info("mm: reserved [mem %#018llx-%#018llx] %s\n",
			(unsigned long long)res[i].start,
			(unsigned long long)res[i].end - 1, res[i].what);
	pr_info("mm: %zu MiB usable RAM in %#llx-%#llx: %zu frames free, %zu reserved\n",
		frame_pool.total >> (20 - PAGE_SHIFT), (unsigned long long)base,
		(unsigned long long)end, frame_pool_free_count(&frame_pool),
		frame_pool.reserved_count);
}
/* excerpt-end: frames-init */

/*
 * Whether the page at @pa is also set aside by a boot reservation that
 * lies outside [@start, @end): the reservations are rounded out to whole
 * pages, so a range that does not end on a page boundary may share its
 * last page with the next one.
 */
static bool __init page_shared(phys_addr_t pa, phys_addr_t start,
			       phys_addr_t end)
{
	for (size_t i = 0; i < boot_nres; i++) {
		const struct frame_range *r = &boot_res[i];

		if (r->start >= start && r->end <= end)
			continue; /* the range itself */
		if (r->start < pa + PAGE_SIZE && r->end > pa)
			return true;
	}
	return false;
}

/* excerpt: free-reserved-area */
unsigned long __init free_reserved_area(void *start, void *end, int poison,
					const char *s)
{
	phys_addr_t pa_start = virt_to_phys(start), pa_end = virt_to_phys(end);
	phys_addr_t first = ALIGN_DOWN(pa_start, (phys_addr_t)PAGE_SIZE);
	phys_addr_t last = ALIGN_UP(pa_end, (phys_addr_t)PAGE_SIZE);
	unsigned long pages = 0;

	if (page_shared(first, pa_start, pa_end))
		first += PAGE_SIZE;
	if (last > first && page_shared(last - PAGE_SIZE, pa_start, pa_end))
		last -= PAGE_SIZE;
	if (last <= first)
		return 0;
	if (poison >= 0)
		memset(phys_to_virt(first), poison, last - first);
	pages = (last - first) >> PAGE_SHIFT;
	if (frame_pool_release(&frame_pool, first, pages))
		return 0;
	pr_info("Freeing %s memory: %luK\n", s, pages << (PAGE_SHIFT - 10));
	return pages;
}
/* excerpt-end: free-reserved-area */

/* Both entry points, with the caller fault injection should name. */
static phys_addr_t frame_alloc_from(size_t count, size_t align,
				    const void *caller)
{
	uint64_t flags;
	phys_addr_t pa;
	size_t left;

	if (fault_should_fail(FAULT_FRAME, count << PAGE_SHIFT, caller))
		return 0;
	flags = irq_save();
	pa = frame_pool_alloc(&frame_pool, count, align);
	left = frame_pool_free_count(&frame_pool);
	irq_restore(flags);
	kasan_alloc_pages(pa, pa ? count : 0);
	if (!pa)
		pr_warn("mm: out of memory: no %zu free frame(s) aligned to %zu (%zu free)\n",
			count, align, left);
	return pa;
}

phys_addr_t frame_alloc(void)
{
	return frame_alloc_from(1, 1, __builtin_return_address(0));
}

phys_addr_t frame_alloc_contig(size_t count, size_t align)
{
	return frame_alloc_from(count, align, __builtin_return_address(0));
}

int frame_free(phys_addr_t pa)
{
	return frame_free_contig(pa, 1);
}

int frame_free_contig(phys_addr_t pa, size_t count)
{
	uint64_t flags = irq_save();
	int err = frame_pool_free(&frame_pool, pa, count);

	kasan_free_pages(pa, err ? 0 : count);
	irq_restore(flags);
	return err;
}
