/*
 * kmalloc and friends: the heap core (mm/heap.c) over frames from the frame
 * allocator, reached through the direct map.  The frame pool's per-frame
 * owner words carry the heap's page tags.
 */
#include <kernel/export.h>
#include <kernel/fault_inject.h>
#include <kernel/init.h>
#include <kernel/kasan.h>
#include <kernel/lockdep.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"
#include "slub_debug.h"

static struct heap kernel_heap;

static void *heap_pages_alloc(struct heap *heap, size_t pages)
{
	phys_addr_t pa = frame_alloc_contig(pages, 1);
	void *p = pa ? phys_to_virt(pa) : NULL;

	kasan_slab_pages(p, pages * PAGE_SIZE);
	return p;
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
	slub_debug_caller(_RET_IP_);
	p = heap_alloc(&kernel_heap, kasan_kmalloc_size(size));
	modleak_alloc(p, size, _RET_IP_);
	irq_restore(irq);
	kasan_kmalloc(p, size);
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
	size_t old;
	void *p;

	if (kasan_active())
		return kasan_krealloc(ptr, size, flags);
	old = ksize(ptr);
	/* Growing may need new memory; shrinking or freeing never fails. */
	if (size > old &&
	    fault_should_fail(FAULT_KMALLOC, size, __builtin_return_address(0)))
		return NULL;
	irq = irq_save();
	slub_debug_caller(_RET_IP_);
	p = heap_realloc(&kernel_heap, ptr, size);
	modleak_realloc(ptr, p, size, _RET_IP_);
	irq_restore(irq);
	if (p && (flags & __GFP_ZERO) && size > old)
		memset((char *)p + old, 0, size - old);
	return p;
}
EXPORT_SYMBOL(krealloc);

/*
 * Where KASAN's quarantine frees an object at last: slab debugging's free
 * track then names the quarantine, KASAN's own record the real free.
 */
static void kmalloc_release(struct kmem_cache *cache, void *ptr)
{
	uint64_t irq = irq_save();

	slub_debug_caller(_RET_IP_);
	heap_free(&kernel_heap, ptr);
	irq_restore(irq);
}

/* The module's record goes at once, whenever the memory is reused. */
void kfree(const void *ptr)
{
	uint64_t irq;

#ifdef CONFIG_LOCKDEP
	/* A lock held inside is a bug when freed, not when reused. */
	irq = irq_save();
	debug_check_no_locks_freed(ptr, heap_usable_size(&kernel_heap, ptr));
	irq_restore(irq);
#endif
	modleak_free(ptr);
	if (kasan_kfree(ptr, kmalloc_release))
		return;
	irq = irq_save();
	slub_debug_caller(_RET_IP_);
	heap_free(&kernel_heap, (void *)ptr);
	irq_restore(irq);
}
EXPORT_SYMBOL(kfree);

size_t ksize(const void *ptr)
{
	uint64_t irq = irq_save();
	size_t n = heap_usable_size(&kernel_heap, ptr);

	irq_restore(irq);
	kasan_ksize(ptr, n);
	return n;
}

void kmalloc_trim(void)
{
	uint64_t irq;

	/* What KASAN holds back is freed first, as Linux's cache shrink. */
	kasan_quarantine_drain();
	irq = irq_save();

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
