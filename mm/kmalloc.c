/*
 * kmalloc and friends: the heap core (mm/heap.c) over frames from the frame
 * allocator, reached through the direct map.  The frame pool's per-frame
 * owner words carry the heap's page tags.
 */
#include <kernel/export.h>
#include <kernel/fault_inject.h>
#include <kernel/init.h>
#include <kernel/lockdep.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

static struct heap kernel_heap;

static void *heap_pages_alloc(struct heap *heap, size_t pages)
{
	phys_addr_t pa = frame_alloc_contig(pages, 1);

	return pa ? phys_to_virt(pa) : NULL;
}

static void heap_pages_free(struct heap *heap, void *addr, size_t pages)
{
	frame_free_contig(virt_to_phys(addr), pages);
}

/* Only direct-map addresses of RAM frames can be heap pages. */
static uint32_t *heap_page_owner(struct heap *heap, const void *addr)
{
	uintptr_t a = (uintptr_t)addr;

	if (a < DIRECT_MAP_BASE || a >= DIRECT_MAP_BASE + FRAME_PHYS_LIMIT)
		return NULL;
	return frame_pool_owner(&frame_pool, a - DIRECT_MAP_BASE);
}

static const struct heap_page_source heap_source = {
	heap_pages_alloc,
	heap_pages_free,
	heap_page_owner,
};

void __init mm_heap_init(void)
{
	heap_init(&kernel_heap, &heap_source, NULL, mm_warn);
}

/* excerpt: kmalloc */
void *kmalloc(size_t size, gfp_t flags)
{
	uint64_t irq;
	void *p;

	if (fault_should_fail(FAULT_KMALLOC, size, __builtin_return_address(0)))
		return NULL;
	irq = irq_save();
	p = heap_alloc(&kernel_heap, size);
	irq_restore(irq);
	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}
EXPORT_SYMBOL(kmalloc);
/* excerpt-end: kmalloc */

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(kzalloc);

void *krealloc(void *ptr, size_t size, gfp_t flags)
{
	uint64_t irq;
	size_t old = ksize(ptr);
	void *p;

	/* Growing may need new memory; shrinking or freeing never fails. */
	if (size > old &&
	    fault_should_fail(FAULT_KMALLOC, size, __builtin_return_address(0)))
		return NULL;
	irq = irq_save();
	p = heap_realloc(&kernel_heap, ptr, size);
	irq_restore(irq);
	if (p && (flags & __GFP_ZERO) && size > old)
		memset((char *)p + old, 0, size - old);
	return p;
}
EXPORT_SYMBOL(krealloc);

void kfree(const void *ptr)
{
	uint64_t irq = irq_save();

	debug_check_no_locks_freed(ptr, heap_usable_size(&kernel_heap, ptr));
	heap_free(&kernel_heap, (void *)ptr);
	irq_restore(irq);
}
EXPORT_SYMBOL(kfree);

size_t ksize(const void *ptr)
{
	uint64_t irq = irq_save();
	size_t n = heap_usable_size(&kernel_heap, ptr);

	irq_restore(irq);
	return n;
}

void kmalloc_trim(void)
{
	uint64_t irq = irq_save();

	heap_trim(&kernel_heap);
	irq_restore(irq);
}

/* For mm_get_stats(). */
void kmalloc_stats(struct mm_stats *st)
{
	st->heap_bytes = kernel_heap.bytes_in_use;
	st->heap_pages = kernel_heap.pages;
	st->heap_allocations = kernel_heap.allocations;
	st->heap_bad_frees = kernel_heap.bad_frees;
}
