/*
 * KASAN's shadow memory: one byte for each 8 bytes of the direct map (all
 * RAM), of the kernel image, of the module area and of the stack area, at
 * (address >> 3) + KASAN_SHADOW_OFFSET.  RAM's and the image's shadow is
 * mapped at boot; the module area's, 190 MiB for all of it, and the stack
 * area's only under the pages mapped there, and given back with them.  An
 * address without shadow (MMIO, the user window) is not checked.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "../internal.h"
#include "internal.h"

bool kasan_enabled;
unsigned int kasan_depth;
static bool kasan_off;
static uintptr_t ram_end; /* the direct map's shadow ends under this */
uintptr_t kasan_boot_shadow_start, kasan_boot_shadow_end;

/*
 * An area mapped piecemeal -- modules, thread stacks -- has shadow only
 * under its pages in use: each shadow page covers 8 pages, and counts
 * how many of them are mapped.
 */
#define PAGES_PER_SHADOW_PAGE (1u << KASAN_GRANULE_SHIFT)
#define AREA_USERS(start, end) \
	(((end) - (start)) >> PAGE_SHIFT) / PAGES_PER_SHADOW_PAGE
struct shadow_area {
	uintptr_t start, end;
	uint8_t *users;
};
static uint8_t module_users[AREA_USERS(MODULE_AREA_START, MODULE_AREA_END)];
static uint8_t stack_users[AREA_USERS(STACK_AREA_START, STACK_AREA_END)];
static struct shadow_area module_shadow = { MODULE_AREA_START, MODULE_AREA_END,
					    module_users };
static struct shadow_area stack_shadow = { STACK_AREA_START, STACK_AREA_END,
					   stack_users };

/* The count of users of the shadow page of @va, in @area. */
static uint8_t *shadow_users_of(const struct shadow_area *area, uintptr_t va)
{
	return &area->users[(va - area->start) >>
			    (PAGE_SHIFT + KASAN_GRANULE_SHIFT)];
}

static bool area_covers(const struct shadow_area *area, uintptr_t va)
{
	return va >= area->start && va < area->end &&
	       *shadow_users_of(area, va);
}

/* kasan=off: no shadow, no checks, the allocators as without KASAN. */
static int __init kasan_setup(const char *arg)
{
	kasan_off = arg && !strcmp(arg, "off");
	return 0;
}
early_param("kasan", kasan_setup);

void kasan_disable_current(void)
{
	kasan_depth++;
}

void kasan_enable_current(void)
{
	kasan_depth--;
}

bool kasan_shadow_covers(uintptr_t addr)
{
	if (addr >= DIRECT_MAP_BASE && addr < ram_end)
		return true;
	if (addr >= (uintptr_t)__kernel_start && addr < (uintptr_t)__kernel_end)
		return true;
	return area_covers(&module_shadow, addr) ||
	       area_covers(&stack_shadow, addr);
}

void kasan_poison(const void *addr, size_t size, uint8_t value)
{
	memset(kasan_mem_to_shadow(addr), value,
	       ALIGN_UP(size, KASAN_GRANULE_SIZE) >> KASAN_GRANULE_SHIFT);
}

void kasan_unpoison(const void *addr, size_t size)
{
	int8_t *shadow = kasan_mem_to_shadow(addr);

	memset(shadow, 0, size >> KASAN_GRANULE_SHIFT);
	if (size % KASAN_GRANULE_SIZE)
		shadow[size >> KASAN_GRANULE_SHIFT] =
			(int8_t)(size % KASAN_GRANULE_SIZE);
}

uintptr_t kasan_first_bad(uintptr_t addr, size_t size)
{
	uintptr_t end = addr + size;
	int8_t s;

	/* Most accesses lie in one granule: one shadow byte says it all. */
	if ((addr % KASAN_GRANULE_SIZE) + size <= KASAN_GRANULE_SIZE) {
		if (!kasan_shadow_covers(addr))
			return 0;
		s = *kasan_mem_to_shadow((void *)addr);
		if (s == 0 ||
		    (s > 0 && (end - 1) % KASAN_GRANULE_SIZE < (uintptr_t)s))
			return 0;
		return s < 0 ? addr :
			       MAX(addr, ALIGN_DOWN(addr, KASAN_GRANULE_SIZE) +
						 (uintptr_t)s);
	}
	if (!kasan_shadow_covers(addr) || !kasan_shadow_covers(end - 1))
		return 0;
	for (uintptr_t a = addr; a < end;
	     a = ALIGN_DOWN(a, KASAN_GRANULE_SIZE) + KASAN_GRANULE_SIZE) {
		uintptr_t granule = ALIGN_DOWN(a, KASAN_GRANULE_SIZE);
		uintptr_t last = MIN(end, granule + KASAN_GRANULE_SIZE) - 1;

		s = *kasan_mem_to_shadow((void *)a);
		if (s == 0)
			continue;
		if (s < 0)
			return a;
		/* The first s bytes of the granule are accessible. */
		if (last - granule >= (uintptr_t)s)
			return MAX(a, granule + (uintptr_t)s);
	}
	return 0;
}

/* Map fresh frames, filled with @fill, as the shadow pages [@s, @e). */
static bool __init map_shadow_pages(uintptr_t s, uintptr_t e, uint8_t fill)
{
	size_t pages = (e - s) >> PAGE_SHIFT;
	phys_addr_t pa;

	if (!pages)
		return true;
	pa = frame_alloc_contig(pages, 1);
	if (!pa)
		return false;
	memset(phys_to_virt(pa), fill, pages * PAGE_SIZE);
	if (vmm_map(s, pa, pages, PAGE_KERNEL_RW)) {
		frame_free_contig(pa, pages);
		return false;
	}
	return true;
}

/* The same for the memory [@start, @end), but for the boot stacks'
 * shadow pages, mapped since kasan_early_init(), and in use. */
static bool __init map_shadow(const void *start, const void *end, uint8_t fill)
{
	uintptr_t s =
		ALIGN_DOWN((uintptr_t)kasan_mem_to_shadow(start), PAGE_SIZE);
	uintptr_t e = ALIGN_UP((uintptr_t)kasan_mem_to_shadow(end), PAGE_SIZE);
	uintptr_t bs = kasan_boot_shadow_start, be = kasan_boot_shadow_end;

	if (be <= s || bs >= e)
		return map_shadow_pages(s, e, fill);
	return map_shadow_pages(s, bs, fill) && map_shadow_pages(be, e, fill);
}

/*
 * RAM's shadow starts all "free frame"; what is not free -- allocated,
 * reserved, or no RAM at all -- is made accessible, frame by frame.
 */
static void __init unpoison_used_frames(void)
{
	kasan_unpoison(phys_to_virt(0), frame_pool.base);
	for (size_t i = 0; i < frame_pool.nframes; i++)
		if (bitmap_test(frame_pool.used, i))
			kasan_unpoison(phys_to_virt(frame_pool.base +
						    i * PAGE_SIZE),
				       PAGE_SIZE);
}

/* The image's constructors: each registers its file's globals. */
static void __init run_constructors(void)
{
	extern void (*__ctors_start[])(void), (*__ctors_end[])(void);

	for (void (**fn)(void) = __ctors_start; fn < __ctors_end; fn++)
		(*fn)();
}

void __init kasan_init(void)
{
	phys_addr_t top =
		frame_pool.base + (phys_addr_t)frame_pool.nframes * PAGE_SIZE;

	if (kasan_off) {
		pr_info("kasan: KernelAddressSanitizer off (kasan=off)\n");
		return;
	}
	if (!map_shadow(phys_to_virt(0), phys_to_virt(top), KASAN_PAGE_FREE) ||
	    !map_shadow(__kernel_start, __kernel_end, 0) ||
	    !kasan_stack_init() || !kasan_objects_init()) {
		pr_err("kasan: no memory for the shadow: KASAN stays off\n");
		return;
	}
	ram_end = (uintptr_t)phys_to_virt(top);
	/* After the frames the shadow and KASAN's tables took. */
	unpoison_used_frames();
	kasan_enabled = true;
	run_constructors();
	pr_info("kasan: KernelAddressSanitizer initialized (shadow of %llu MiB of RAM, the image and the module area)\n",
		(unsigned long long)(top >> 20));
}

void kasan_alloc_pages(phys_addr_t pa, size_t count)
{
	if (kasan_enabled)
		kasan_unpoison(phys_to_virt(pa), count * PAGE_SIZE);
}

void kasan_free_pages(phys_addr_t pa, size_t count)
{
	if (kasan_enabled)
		kasan_poison(phys_to_virt(pa), count * PAGE_SIZE,
			     KASAN_PAGE_FREE);
}

void kasan_slab_pages(void *addr, size_t size)
{
	if (kasan_enabled && addr)
		kasan_poison(addr, size, KASAN_SLAB_REDZONE);
}

/* The shadow page of page @va. */
static uintptr_t shadow_page(uintptr_t va)
{
	return ALIGN_DOWN((uintptr_t)kasan_mem_to_shadow((void *)va),
			  PAGE_SIZE);
}

/* @pages pages at @va of @area were mapped: map their shadow where none
 * is, all accessible.  The pages left without shadow: 0 if none. */
static size_t area_shadow_alloc(struct shadow_area *area, uintptr_t va,
				size_t pages)
{
	uint64_t irq = irq_save();
	size_t missing = 0;

	for (size_t i = 0; i < pages; i++, va += PAGE_SIZE) {
		uint8_t *users = shadow_users_of(area, va);
		phys_addr_t pa;

		if (!*users) {
			pa = frame_alloc();
			if (!pa) {
				missing++;
				continue;
			}
			memset(phys_to_virt(pa), 0, PAGE_SIZE);
			if (vmm_map(shadow_page(va), pa, 1, PAGE_KERNEL_RW)) {
				frame_free(pa);
				missing++;
				continue;
			}
		}
		(*users)++;
		kasan_unpoison((void *)va, PAGE_SIZE);
	}
	irq_restore(irq);
	return missing;
}

/* @pages pages at @va of @area were unmapped: a later allocation there
 * starts all accessible, and a shadow page no page uses goes. */
static void area_shadow_free(struct shadow_area *area, uintptr_t va,
			     size_t pages)
{
	uint64_t irq = irq_save();
	phys_addr_t pa;

	for (size_t i = 0; i < pages; i++, va += PAGE_SIZE) {
		uint8_t *users = shadow_users_of(area, va);

		if (!*users)
			continue;
		kasan_unpoison((void *)va, PAGE_SIZE);
		if (--*users)
			continue;
		if (!vmm_translate(shadow_page(va), &pa, NULL)) {
			vmm_unmap(shadow_page(va), 1);
			frame_free(pa);
		}
	}
	irq_restore(irq);
}

/* A module page without shadow is only left unchecked. */
void kasan_module_alloc(void *addr, size_t pages)
{
	if (kasan_enabled && addr)
		area_shadow_alloc(&module_shadow, (uintptr_t)addr, pages);
}

void kasan_module_free(void *addr, size_t pages)
{
	if (!kasan_enabled || !addr)
		return;
	/* Its globals' descriptions go with it. */
	kasan_globals_forget(addr, pages * PAGE_SIZE);
	area_shadow_free(&module_shadow, (uintptr_t)addr, pages);
}

/* Even with kasan=off: the compiler writes a stack's shadow regardless,
 * so a stack page without it cannot be used. */
int kasan_stack_alloc(void *addr, size_t pages)
{
	if (!addr || !area_shadow_alloc(&stack_shadow, (uintptr_t)addr, pages))
		return 0;
	area_shadow_free(&stack_shadow, (uintptr_t)addr, pages);
	return -ENOMEM;
}

void kasan_stack_free(void *addr, size_t pages)
{
	if (addr)
		area_shadow_free(&stack_shadow, (uintptr_t)addr, pages);
}
