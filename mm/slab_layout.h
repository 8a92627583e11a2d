/*
 * The head of a slab page, for kmalloc's heap (mm/heap.c) and for
 * kmem_cache (mm/slab.c): private to the allocator that owns it, and to
 * their debug checks (mm/slub_debug.c), which read it for their reports.
 */
#ifndef MM_SLAB_LAYOUT_H
#define MM_SLAB_LAYOUT_H

#include "internal.h"

#define SLAB_MAGIC 0x51ab51abu
#define SLAB_MAX_OBJECTS (PAGE_SIZE >> HEAP_MIN_SHIFT)

/* Owner-word tags of heap pages: the low two bits say what the page is. */
#define OWNER_TAG_MASK 3u
#define OWNER_SLAB 1u
#define OWNER_LARGE 2u /* first page; the page count is above the tag */
#define OWNER_LARGE_TAIL 3u
#define OWNER_PAGES_SHIFT 2

/* At the start of each heap slab page. */
struct heap_slab {
	uint32_t magic;
	uint16_t size;	 /* object stride (object size plus debug data) */
	uint16_t offset; /* of the first object */
	uint16_t capacity;
	uint16_t in_use;
	uint16_t fresh; /* objects never handed out start here */
	struct heap_class *cls;
	struct list_head list; /* in cls->partial while it has room */
	void *free_list; /* freed objects, linked through heap_free_link() */
	uint64_t live[BITMAP_WORDS(SLAB_MAX_OBJECTS)];
};

/*
 * heap_slab_object_size - the size of @s's objects: its stride, but for
 * the data slab debugging puts after each object (CONFIG_SLUB_DEBUG).
 */
static inline size_t heap_slab_object_size(const struct heap_slab *s)
{
#ifdef CONFIG_SLUB_DEBUG
	return s->cls->size;
#else
	return s->size;
#endif
}

/* The head of one kmem_cache slab, at its first byte. */
struct slab {
	struct list_head list; /* in the cache's slabs */
	struct kmem_cache *cache;
	void *freelist; /* first free object, or NULL */
	size_t inuse;
};

#endif
