/*
 * Virtual ranges handed out page by page: the module area, where the module
 * loader puts code and data within reach of the kernel's 32-bit
 * relocations, the ioremap area for device memory, and the stack area for
 * threads' kernel stacks.  Each allocation has an unmapped guard page beside
 * it -- after it, or below it for a stack, which grows down -- so an
 * overrun faults.
 */
#include <kernel/errno.h>
#include <kernel/fault_inject.h>
#include <kernel/kasan.h>
#include <kernel/list.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

#define GUARD_PAGES 1
/* The most 4-level paging can address (SDM 3A §4.1.4). */
#define PHYS_ADDR_BITS 52
#define MODULE_AREA_PAGES ((MODULE_AREA_END - MODULE_AREA_START) >> PAGE_SHIFT)
#define IOREMAP_AREA_PAGES \
	((IOREMAP_AREA_END - IOREMAP_AREA_START) >> PAGE_SHIFT)
#define STACK_AREA_PAGES ((STACK_AREA_END - STACK_AREA_START) >> PAGE_SHIFT)

/* One allocation: its pages, and whether their frames are ours to free. */
struct vm_region {
	uintptr_t start;
	size_t pages;
	bool owns_frames;
	struct list_head list; /* in its area's regions */
};

struct vm_area {
	const char *name;
	uintptr_t start;
	size_t npages;
	uint64_t *bitmap;	  /* 1: allocated or guard */
	bool guard_below;	  /* the guard page precedes each range */
	struct list_head regions; /* newest first */
	size_t mapped_pages;
};

static uint64_t modarea_bitmap[BITMAP_WORDS(MODULE_AREA_PAGES)];
static uint64_t ioremap_bitmap[BITMAP_WORDS(IOREMAP_AREA_PAGES)];
static uint64_t stack_bitmap[BITMAP_WORDS(STACK_AREA_PAGES)];

static struct vm_area modarea = {
	.name = "modarea",
	.start = MODULE_AREA_START,
	.npages = MODULE_AREA_PAGES,
	.bitmap = modarea_bitmap,
	.regions = LIST_HEAD_INIT(modarea.regions),
};
static struct vm_area ioremap_area = {
	.name = "ioremap",
	.start = IOREMAP_AREA_START,
	.npages = IOREMAP_AREA_PAGES,
	.bitmap = ioremap_bitmap,
	.regions = LIST_HEAD_INIT(ioremap_area.regions),
};
static struct vm_area stack_area = {
	.name = "stack area",
	.start = STACK_AREA_START,
	.npages = STACK_AREA_PAGES,
	.bitmap = stack_bitmap,
	.guard_below = true,
	.regions = LIST_HEAD_INIT(stack_area.regions),
};

/* The first page of @r's reservation, guard included, as a bitmap index. */
static size_t region_first_bit(const struct vm_area *area,
			       const struct vm_region *r)
{
	return ((r->start - area->start) >> PAGE_SHIFT) -
	       (area->guard_below ? GUARD_PAGES : 0);
}

/* The address of @r's guard page. */
static uintptr_t region_guard(const struct vm_area *area,
			      const struct vm_region *r)
{
	return area->guard_below ? r->start - GUARD_PAGES * PAGE_SIZE :
				   r->start + r->pages * PAGE_SIZE;
}

/* A record for @pages free pages (plus guard) in @area, or NULL. */
static struct vm_region *area_reserve(struct vm_area *area, size_t pages,
				      bool owns_frames)
{
	struct vm_region *r = kmalloc(sizeof(*r), GFP_KERNEL);
	size_t first;

	if (!r)
		return NULL;
	first = bitmap_find_clear_run(area->bitmap, area->npages, 0,
				      pages + GUARD_PAGES, 1);
	if (first == area->npages) {
		pr_err("%s: no room for %zu pages\n", area->name, pages);
		kfree(r);
		return NULL;
	}
	bitmap_set_range(area->bitmap, first, pages + GUARD_PAGES);
	if (area->guard_below)
		first += GUARD_PAGES;
	*r = (struct vm_region){ .start = area->start + first * PAGE_SIZE,
				 .pages = pages,
				 .owns_frames = owns_frames };
	list_add(&r->list, &area->regions);
	return r;
}

/* The allocation of @area that starts at @start, or NULL. */
static struct vm_region *area_find(struct vm_area *area, uintptr_t start)
{
	struct vm_region *r;

	list_for_each_entry(r, &area->regions, list)
		if (r->start == start)
			return r;
	return NULL;
}

/*
 * Unmap the first @mapped pages of @r, free its frames, drop the record.
 * Each page is unmapped and flushed from the TLB before its frame is
 * freed: a frame freed while a translation still reaches it could be
 * handed out again and written through the old address.
 */
static void area_release(struct vm_area *area, struct vm_region *r,
			 size_t mapped)
{
	phys_addr_t pa;

	for (size_t i = 0; i < mapped; i++) {
		uintptr_t va = r->start + i * PAGE_SIZE;
		bool owned = r->owns_frames && !vmm_translate(va, &pa, NULL);

		vmm_unmap(va, 1); /* flushes the page's TLB entry (invlpg) */
		/* A frame that held module code gets a writable alias back;
		 * only module-area frames ever had it taken away. */
		if (owned && area == &modarea)
			direct_map_protect(pa, 1, true);
		if (owned)
			frame_free(pa);
	}
	area->mapped_pages -= mapped;
	bitmap_clear_range(area->bitmap, region_first_bit(area, r),
			   r->pages + GUARD_PAGES);
	list_del(&r->list);
	kfree(r);
}

/* @size bytes of zeroed pages in @area mapped with @prot, or NULL. */
static void *area_alloc(struct vm_area *area, size_t size, pte_t prot)
{
	uint64_t irq = irq_save();
	struct vm_region *r = NULL;
	size_t i = 0;

	if (size)
		r = area_reserve(area, PAGES(size), true);
	if (!r)
		goto out;
	for (; i < r->pages; i++) {
		phys_addr_t pa = frame_alloc();

		if (!pa)
			goto out_release;
		memset(phys_to_virt(pa), 0, PAGE_SIZE);
		if (vmm_map(r->start + i * PAGE_SIZE, pa, 1, prot)) {
			frame_free(pa);
			goto out_release;
		}
		area->mapped_pages++;
	}
	irq_restore(irq);
	return (void *)r->start;

out_release:
	area_release(area, r, i);
out:
	irq_restore(irq);
	return NULL;
}

/* Unmap and free @area's allocation at @addr: its pages, 0 if none. */
static size_t area_free(struct vm_area *area, void *addr)
{
	uint64_t irq = irq_save();
	struct vm_region *r = area_find(area, (uintptr_t)addr);
	size_t pages = r ? r->pages : 0;

	if (r)
		area_release(area, r, r->pages);
	irq_restore(irq);
	return pages;
}

void *modarea_alloc(size_t size, pte_t prot)
{
	void *p;

	if (fault_should_fail(FAULT_MODAREA, size, __builtin_return_address(0)))
		return NULL;
	p = area_alloc(&modarea, size, prot);
	kasan_module_alloc(p, PAGES(size));
	return p;
}

/* The allocation of @area holding the @pages pages from @va, or NULL. */
static struct vm_region *area_find_range(struct vm_area *area, uintptr_t va,
					 size_t pages)
{
	struct vm_region *r;

	list_for_each_entry(r, &area->regions, list)
		if (va >= r->start && pages <= r->pages &&
		    (va - r->start) / PAGE_SIZE <= r->pages - pages)
			return r;
	return NULL;
}

/* New permissions for module pages and the same, never executable, on
 * their frames' direct-map alias: read-only unless @prot is writable. */
static int protect_with_alias(uintptr_t va, size_t pages, pte_t prot)
{
	int err = vmm_protect(va, pages, prot);
	phys_addr_t pa;

	for (size_t i = 0; !err && i < pages; i++) {
		err = vmm_translate(va + i * PAGE_SIZE, &pa, NULL);
		if (!err)
			err = direct_map_protect(pa, 1, prot & PTE_WRITABLE);
	}
	return err;
}

int modarea_protect_range(void *addr, size_t pages, pte_t prot)
{
	uint64_t irq = irq_save();
	uintptr_t va = (uintptr_t)addr;
	struct vm_region *r = IS_ALIGNED(va, PAGE_SIZE) && pages ?
				      area_find_range(&modarea, va, pages) :
				      NULL;
	int err = r ? protect_with_alias(va, pages, prot) : -EINVAL;

	irq_restore(irq);
	if (!r)
		pr_err("modarea_protect_range: %p (%zu pages) is not inside a module area allocation\n",
		       addr, pages);
	return err;
}

int modarea_protect(void *addr, pte_t prot)
{
	uint64_t irq = irq_save();
	struct vm_region *r = area_find(&modarea, (uintptr_t)addr);
	int err = r ? protect_with_alias(r->start, r->pages, prot) : -EINVAL;

	irq_restore(irq);
	if (!r)
		pr_err("modarea_protect: %p is not a module area allocation\n",
		       addr);
	return err;
}

void modarea_free(void *addr)
{
	size_t pages = area_free(&modarea, addr);

	kasan_module_free(addr, pages);
	if (!pages && addr)
		pr_err("modarea_free: %p is not a module area allocation\n",
		       addr);
}

void *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t base = ALIGN_DOWN(phys, (phys_addr_t)PAGE_SIZE);
	size_t pages = PAGES(size + (phys - base));
	struct vm_region *r;
	uint64_t irq;
	int err;

	if (!size || phys + size < phys ||
	    (phys + size - 1) >> PHYS_ADDR_BITS) {
		pr_err("ioremap: bad range %#llx+%#zx\n",
		       (unsigned long long)phys, size);
		return NULL;
	}
	irq = irq_save();
	r = area_reserve(&ioremap_area, pages, false);
	err = r ? vmm_map(r->start, base, pages, PAGE_KERNEL_IO) : -ENOMEM;
	if (r && err)
		area_release(&ioremap_area, r, 0);
	else if (r)
		ioremap_area.mapped_pages += pages;
	irq_restore(irq);
	return err ? NULL : (void *)(r->start + (phys - base));
}

void iounmap(void *addr)
{
	uint64_t irq = irq_save();
	struct vm_region *r =
		area_find(&ioremap_area, (uintptr_t)addr & PAGE_MASK);

	if (r)
		area_release(&ioremap_area, r, r->pages);
	irq_restore(irq);
	if (!r && addr)
		pr_err("iounmap: %p is not an ioremap mapping\n", addr);
}

void *stack_area_alloc(size_t size)
{
	void *p = area_alloc(&stack_area, size, PAGE_KERNEL_RW);

	if (kasan_stack_alloc(p, PAGES(size))) {
		area_free(&stack_area, p);
		return NULL;
	}
	return p;
}

void stack_area_free(void *addr)
{
	size_t pages = area_free(&stack_area, addr);

	kasan_stack_free(addr, pages);
	if (!pages && addr)
		pr_err("stack_area_free: %p is not a stack area allocation\n",
		       addr);
}

/* For mm_get_stats() and the fault messages. */
void vmarea_stats(struct mm_stats *st)
{
	st->modarea_pages = modarea.mapped_pages;
	st->ioremap_pages = ioremap_area.mapped_pages;
	st->stack_pages = stack_area.mapped_pages;
}

/* Is @addr in the guard page of one of @area's ranges? */
static bool area_is_guard(const struct vm_area *area, uintptr_t addr)
{
	struct vm_region *r;

	list_for_each_entry(r, &area->regions, list)
		if ((addr & PAGE_MASK) == region_guard(area, r))
			return true;
	return false;
}

bool vmarea_is_guard(uintptr_t addr)
{
	return area_is_guard(&modarea, addr) ||
	       area_is_guard(&ioremap_area, addr);
}

bool vmarea_is_stack_guard(uintptr_t addr)
{
	return area_is_guard(&stack_area, addr);
}
