/*
 * The hooks of the debug kernel's allocation checkers in the heap
 * (mm/heap.c, mm/kmalloc.c) and kmem_cache (mm/slab.c): slab debugging
 * (CONFIG_SLUB_DEBUG, mm/slub_debug.c) and the per-module leak records
 * (CONFIG_DEBUG_KMEMLEAK_MODULES, mm/modleak.c); and the running task for
 * them and KASAN (mm/mm_debug.c).  Without them each hook
 * is nothing and each layout macro the plain layout, so the allocators
 * compile to what they were.
 */
#ifndef MM_SLUB_DEBUG_H
#define MM_SLUB_DEBUG_H

#include <kernel/slab.h>
#include "internal.h"

struct heap_slab;
struct slab;

#if defined(CONFIG_KASAN) || defined(CONFIG_SLUB_DEBUG) || \
	defined(CONFIG_DEBUG_KMEMLEAK_MODULES)
/*
 * The running task's pid and name for the records and KASAN's reports, as
 * the scheduler registered them (0 and "swapper/0" before it did).
 * mm/mm_debug.c.
 */
int mm_debug_pid(void);
void mm_debug_comm(char *buf, size_t size);

/*
 * mm_debug_hex_row - one row of a report's hex dump: the @n (at most 16)
 * bytes at @p as "xx xx ..." into @hex (49 bytes) and as characters, '.'
 * for the unprintable, into @ascii (17 bytes).
 */
void mm_debug_hex_row(const uint8_t *p, size_t n, char *hex, char *ascii);
#endif

#ifdef CONFIG_SLUB_DEBUG
/* excerpt: slub-layout */
/*
 * An object's slot with slab debugging, as Linux's SLUB lays it out: the
 * object, its right red zone (to the next word, or a whole word if the
 * object ends on one), the free link (kept out of the object so that
 * poison covers all of it), then the allocation and free tracks.
 */
#define SLUB_TRACK_DEPTH 6
struct slub_track {
	unsigned long addrs[SLUB_TRACK_DEPTH]; /* the caller first; 0 ends */
	unsigned long when;		       /* jiffies */
	int pid;
};

static inline size_t slub_redzone_end(size_t size)
{
	return ALIGN_UP(size + 1, sizeof(void *));
}

static inline size_t slub_meta_end(size_t size)
{
	return slub_redzone_end(size) + sizeof(void *) +
	       2 * sizeof(struct slub_track);
}
/* excerpt-end: slub-layout */

/* heap_slot_size - the stride of heap objects of @size, aligned to @align. */
static inline size_t heap_slot_size(size_t size, size_t align)
{
	return ALIGN_UP(slub_meta_end(size), align);
}

/* heap_free_link - where a free heap object of @size keeps its link. */
static inline void **heap_free_link(void *obj, size_t size)
{
	return (void **)((char *)obj + slub_redzone_end(size));
}

/* slub_debug_caller - kmalloc's caller, for the tracks the heap writes. */
void slub_debug_caller(unsigned long ip);

/* The heap's hooks, with interrupts off: a new slab; an object handed out
 * or given back; a bad free (true: reported in Linux's words). */
void slub_debug_heap_init(struct heap *heap, struct heap_slab *s);
void slub_debug_heap_alloc(struct heap_slab *s, void *obj);
void slub_debug_heap_free(struct heap_slab *s, void *obj);
bool slub_debug_heap_bad_free(struct heap *heap, struct heap_slab *s,
			      void *ptr);

/* kmem_cache's: the layout, then the same four with the caller's @ip. */
size_t slub_debug_cache_layout(struct kmem_cache *c, size_t body);
void slub_debug_cache_init(struct kmem_cache *c, struct slab *s);
void slub_debug_cache_alloc(struct kmem_cache *c, struct slab *s, void *obj,
			    unsigned long ip);
void slub_debug_cache_free(struct kmem_cache *c, struct slab *s, void *obj,
			   unsigned long ip);
bool slub_debug_cache_bad_free(struct kmem_cache *c, struct slab *s, void *obj,
			       unsigned long ip);
#else
static inline size_t heap_slot_size(size_t size, size_t align)
{
	return size;
}

static inline void **heap_free_link(void *obj, size_t size)
{
	return (void **)obj;
}

static inline void slub_debug_caller(unsigned long ip)
{
}

static inline void slub_debug_heap_init(struct heap *heap, struct heap_slab *s)
{
}

static inline void slub_debug_heap_alloc(struct heap_slab *s, void *obj)
{
}

static inline void slub_debug_heap_free(struct heap_slab *s, void *obj)
{
}

static inline bool slub_debug_heap_bad_free(struct heap *heap,
					    struct heap_slab *s, void *ptr)
{
	return false;
}

static inline size_t slub_debug_cache_layout(struct kmem_cache *c, size_t body)
{
	return body;
}

static inline void slub_debug_cache_init(struct kmem_cache *c, struct slab *s)
{
}

static inline void slub_debug_cache_alloc(struct kmem_cache *c, struct slab *s,
					  void *obj, unsigned long ip)
{
}

static inline void slub_debug_cache_free(struct kmem_cache *c, struct slab *s,
					 void *obj, unsigned long ip)
{
}

static inline bool slub_debug_cache_bad_free(struct kmem_cache *c,
					     struct slab *s, void *obj,
					     unsigned long ip)
{
	return false;
}
#endif

#ifdef CONFIG_DEBUG_KMEMLEAK_MODULES
/*
 * modleak_alloc - @ptr (@size bytes) was just allocated for the caller at
 * @ip: record it if a module's code is on the call chain.  modleak_free -
 * @ptr is being freed, by whoever: forget its record.  modleak_realloc -
 * @old became @ptr of @size.  Any context.
 */
void modleak_alloc(const void *ptr, size_t size, unsigned long ip);
void modleak_free(const void *ptr);
void modleak_realloc(const void *old, const void *ptr, size_t size,
		     unsigned long ip);
#else
static inline void modleak_alloc(const void *ptr, size_t size, unsigned long ip)
{
}

static inline void modleak_free(const void *ptr)
{
}

static inline void modleak_realloc(const void *old, const void *ptr,
				   size_t size, unsigned long ip)
{
}
#endif

#endif
