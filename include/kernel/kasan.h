/*
 * KASAN, the kernel address sanitizer (CONFIG_KASAN): the hooks the
 * allocators, the module area and the boot call, and the registration the
 * scheduler fills.  The runtime is mm/kasan/; without CONFIG_KASAN every
 * hook here is nothing, and an allocator does what it did before.
 */
#ifndef KERNEL_KASAN_H
#define KERNEL_KASAN_H

#include <kernel/mm.h>
#include <kernel/types.h>

struct kmem_cache;

/*
 * A freed object leaves the quarantine through this: @cache is the
 * kmem_cache it came from (NULL for kmalloc).
 */
typedef void (*kasan_release_fn)(struct kmem_cache *cache, void *obj);

#ifdef CONFIG_KASAN
/*
 * kasan_init - map the shadow of RAM and of the kernel image, mark free
 * frames, then run the image's constructors (which register its globals).
 * Called by mm_init() once the page tables and frames work; checks pass
 * until then.  __init.
 */
void kasan_init(void);

/* kasan_active - KASAN checks in this boot (no kasan=off). */
bool kasan_active(void);

/* kasan_kmalloc_size - what kmalloc asks the heap for @size: a redzone. */
size_t kasan_kmalloc_size(size_t size);

/*
 * kasan_kmalloc - @obj (NULL: nothing) was handed out by kmalloc for
 * @size bytes: only those are accessible, the rest of its heap object is
 * a redzone, and the allocation's stack is recorded.  kasan_slab_alloc -
 * the same for an object of @cache.  kasan_ksize - ksize() told the
 * caller it may use @size bytes of @obj: they become accessible.
 */
void kasan_kmalloc(void *obj, size_t size);
/*
 * kasan_slab_size - the object stride of @cache, @stride without KASAN:
 * one alignment step more when its objects would fill it, so that each
 * has a redzone before the next.
 */
size_t kasan_slab_size(const struct kmem_cache *cache, size_t stride);
void kasan_slab_alloc(struct kmem_cache *cache, void *obj);
void kasan_ksize(const void *obj, size_t size);

/*
 * kasan_kfree / kasan_slab_free - @obj is being freed by kfree or
 * kmem_cache_free.  True when KASAN took it -- poisoned and quarantined,
 * to reach @release later -- or reported a double or invalid free; false
 * when the caller frees it itself (KASAN off, NULL).
 */
bool kasan_kfree(const void *obj, kasan_release_fn release);
bool kasan_slab_free(struct kmem_cache *cache, void *obj,
		     kasan_release_fn release);

/*
 * kasan_krealloc - krealloc() under KASAN: a new object, the old one's
 * contents (up to the size it was asked for) copied, the old one freed,
 * so that each size is exact and the old object is quarantined.
 */
void *kasan_krealloc(void *ptr, size_t size, gfp_t flags);

/*
 * kasan_disable_current / kasan_enable_current - bracket code that does a
 * bad access or free on purpose (a test of another checker): inside, no
 * access is checked and frees go straight to the allocator.  They nest.
 * Linux counts per task; one count will do on one CPU.
 */
void kasan_disable_current(void);
void kasan_enable_current(void);

/*
 * kasan_quarantine_drain - free every quarantined object now: before
 * memory counters are read, and before a cache is destroyed.
 */
void kasan_quarantine_drain(void);

/*
 * kasan_slab_pages - @size bytes of new heap pages at @addr: all redzone
 * until objects are handed out.  kasan_alloc_pages / kasan_free_pages -
 * @count frames from @pa were allocated (accessible) or freed (poisoned).
 */
void kasan_slab_pages(void *addr, size_t size);
void kasan_alloc_pages(phys_addr_t pa, size_t count);
void kasan_free_pages(phys_addr_t pa, size_t count);

/*
 * kasan_module_alloc - @pages pages at @addr (NULL: nothing) were mapped
 * in the module area: their shadow is mapped and all accessible, before
 * the loader copies sections there.  kasan_module_free - they were
 * unmapped: their shadow goes.
 */
void kasan_module_alloc(void *addr, size_t pages);
void kasan_module_free(void *addr, size_t pages);

/*
 * kasan_stack_alloc / kasan_stack_free - the same for a thread's stack,
 * @pages pages at @addr in the stack area: mapped even with kasan=off,
 * since the compiler's code writes a stack's shadow whatever it says.
 * kasan_stack_alloc returns 0, or -ENOMEM with no shadow mapped: the
 * stack cannot be used.
 */
int kasan_stack_alloc(void *addr, size_t pages);
void kasan_stack_free(void *addr, size_t pages);

/*
 * kasan_early_init - map the boot stacks' shadow in the entry code's page
 * tables: the first thing kernel_main() does, before any function whose
 * locals have red zones.  __init.  kasan_map_early_shadow - map the same
 * pages in the kernel's own tables, before they are loaded.  __init.
 */
void kasan_early_init(void);
void kasan_map_early_shadow(void);
#else
static inline void kasan_init(void)
{
}

static inline bool kasan_active(void)
{
	return false;
}

static inline size_t kasan_kmalloc_size(size_t size)
{
	return size;
}

static inline void kasan_kmalloc(void *obj, size_t size)
{
	(void)obj;
	(void)size;
}

static inline size_t kasan_slab_size(const struct kmem_cache *cache,
				     size_t stride)
{
	(void)cache;
	return stride;
}

static inline void kasan_slab_alloc(struct kmem_cache *cache, void *obj)
{
	(void)cache;
	(void)obj;
}

static inline void kasan_ksize(const void *obj, size_t size)
{
	(void)obj;
	(void)size;
}

static inline bool kasan_kfree(const void *obj, kasan_release_fn release)
{
	(void)obj;
	(void)release;
	return false;
}

static inline bool kasan_slab_free(struct kmem_cache *cache, void *obj,
				   kasan_release_fn release)
{
	(void)cache;
	(void)obj;
	(void)release;
	return false;
}

static inline void *kasan_krealloc(void *ptr, size_t size, gfp_t flags)
{
	(void)ptr;
	(void)size;
	(void)flags;
	return NULL;
}

static inline void kasan_disable_current(void)
{
}

static inline void kasan_enable_current(void)
{
}

static inline void kasan_quarantine_drain(void)
{
}

static inline void kasan_slab_pages(void *addr, size_t size)
{
	(void)addr;
	(void)size;
}

static inline void kasan_alloc_pages(phys_addr_t pa, size_t count)
{
	(void)pa;
	(void)count;
}

static inline void kasan_free_pages(phys_addr_t pa, size_t count)
{
	(void)pa;
	(void)count;
}

static inline void kasan_module_alloc(void *addr, size_t pages)
{
	(void)addr;
	(void)pages;
}

static inline void kasan_module_free(void *addr, size_t pages)
{
	(void)addr;
	(void)pages;
}

static inline int kasan_stack_alloc(void *addr, size_t pages)
{
	(void)addr;
	(void)pages;
	return 0;
}

static inline void kasan_stack_free(void *addr, size_t pages)
{
	(void)addr;
	(void)pages;
}

static inline void kasan_early_init(void)
{
}

static inline void kasan_map_early_shadow(void)
{
}
#endif

#endif
