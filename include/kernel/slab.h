/*
 * Object caches (kmem_cache), and kmalloc'd copies of strings: many objects of one size and alignment, cut
 * from slabs of whole frames, so that allocating and freeing one is a
 * pointer swap and objects never straddle a cache line they need not.
 * Linux's API; mm/slab.c implements it over the frame allocator.
 */
#ifndef KERNEL_SLAB_H
#define KERNEL_SLAB_H

#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/types.h>

typedef unsigned int slab_flags_t;

/* Flags of kmem_cache_create(), Linux's names. */
#define SLAB_HWCACHE_ALIGN (1u << 0) /* align objects to cache lines */
#define SLAB_PANIC (1u << 1)	     /* panic if the cache cannot be made */
#define SLAB_RECLAIM_ACCOUNT 0u	     /* accepted: nothing is reclaimed */
#define SLAB_ACCOUNT 0u		     /* accepted: no memory cgroups */

/*
 * SLAB_DEBUG_LAYOUT - whether each object is followed by slab debugging's
 * red zone, free link and tracks (CONFIG_SLUB_DEBUG, mm/slub_debug.c),
 * which make a cache's stride larger than its alignment rule alone gives.
 */
#ifdef CONFIG_SLUB_DEBUG
#define SLAB_DEBUG_LAYOUT true
#else
#define SLAB_DEBUG_LAYOUT false
#endif

#define L1_CACHE_BYTES 64u /* x86-64 cache line (Intel SDM 3A §12.1) */
#define SLAB_NAME_LEN 32
#define SLAB_OBJECT_MAX (32u * 1024) /* larger objects: use kmalloc */

/* One cache; its fields are mm/slab.c's. */
struct kmem_cache {
	char name[SLAB_NAME_LEN];
	size_t object_size; /* as asked */
	size_t size;	    /* one object's stride in a slab */
	size_t align;
	size_t free_offset; /* where a free object keeps its next link */
	size_t slab_pages;  /* frames per slab, a power of two */
	size_t objs_per_slab;
	slab_flags_t flags;
	void (*ctor)(void *obj);
	struct list_head slabs; /* every slab, the newest first */
	size_t num_slabs;
	size_t active; /* objects handed out */
};

/*
 * kmem_cache_create - a cache called @name (copied) of objects of @size
 * bytes aligned to @align (0 or a power of two; SLAB_HWCACHE_ALIGN raises
 * it to a cache line, or a fraction of one for small objects, as Linux
 * does).  @ctor, if given, is run on each object when its slab is made;
 * a freed object must be given back in its constructed state.  NULL (and
 * a message) for a zero or too large size or a bad alignment; with
 * SLAB_PANIC those panic instead.  May not be called from interrupts.
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *obj));

/*
 * kmem_cache_alloc - one object from @cache, or NULL when memory is out.
 * kmem_cache_zalloc - the same, zeroed.  Any context.
 */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags);

/*
 * kmem_cache_free - give @obj back to @cache; a slab left empty returns
 * its frames.  NULL is a no-op; an object of another cache or a double
 * free is reported and ignored.  Any context.
 */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/*
 * kmem_cache_destroy - free @cache (NULL is a no-op).  One whose objects
 * are not all freed is reported and kept, as Linux does, since freeing it
 * would leave them dangling.
 */
void kmem_cache_destroy(struct kmem_cache *cache);

/*
 * kstrdup / kstrndup (at most @max characters) / kmemdup - a kmalloc'd
 * copy of @s, or NULL (also for a NULL @s or no memory).  Free with
 * kfree().  mm/util.c.
 */
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

#endif
