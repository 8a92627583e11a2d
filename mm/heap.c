/*
 * The heap core behind kmalloc: small sizes come from slabs (one page cut
 * into equal objects, a header at its start), larger ones are whole pages.
 * Every page the heap holds is tagged in the page source's per-page word,
 * so kfree can tell a heap pointer from a foreign one and catch a double
 * free.  Pure logic over a page source: the host unit tests run it too.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"
#include "slab_layout.h"
#include "slub_debug.h"

#define SLAB_MAX_ALIGN 128 /* objects are naturally aligned up to this */
#define HEAP_POISON 0x6b   /* fills freed objects, as Linux's slab does */

static void warn_none(const char *fmt, ...)
{
}

void heap_init(struct heap *heap, const struct heap_page_source *src, void *ctx,
	       frame_warn_fn warn)
{
	memset(heap, 0, sizeof(*heap));
	heap->src = src;
	heap->ctx = ctx;
	heap->warn = warn ? warn : warn_none;
	for (size_t i = 0; i < HEAP_CLASS_COUNT; i++) {
		heap->classes[i].size = (size_t)1 << (HEAP_MIN_SHIFT + i);
		INIT_LIST_HEAD(&heap->classes[i].partial);
	}
}

static struct heap_class *class_for(struct heap *heap, size_t size)
{
	size_t i = 0;

	while (heap->classes[i].size < size)
		i++;
	return &heap->classes[i];
}

static struct heap_slab *slab_new(struct heap *heap, struct heap_class *cls)
{
	struct heap_slab *s = heap->src->alloc(heap, 1);
	size_t align = MIN(cls->size, (size_t)SLAB_MAX_ALIGN);

	if (!s)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->magic = SLAB_MAGIC;
	s->size = (uint16_t)heap_slot_size(cls->size, align);
	s->offset = (uint16_t)ALIGN_UP(sizeof(*s), align);
	s->capacity = (uint16_t)((PAGE_SIZE - s->offset) /
				 heap_slot_size(cls->size, align));
	s->cls = cls;
	*heap->src->owner(heap, s) = OWNER_SLAB;
	heap->pages++;
	list_add(&s->list, &cls->partial);
	cls->empty++;
	slub_debug_heap_init(heap, s);
	return s;
}

static void slab_release(struct heap *heap, struct heap_slab *s)
{
	list_del(&s->list);
	s->cls->empty--;
	s->magic = 0;
	*heap->src->owner(heap, s) = 0;
	heap->pages--;
	heap->src->free(heap, s, 1);
}

static void *slab_alloc(struct heap *heap, struct heap_class *cls)
{
	struct heap_slab *s =
		list_first_entry_or_null(&cls->partial, struct heap_slab, list);
	size_t index;
	void *obj;

	if (!s && !(s = slab_new(heap, cls)))
		return NULL;
	if (s->free_list) {
		obj = s->free_list;
		s->free_list = *heap_free_link(obj, cls->size);
	} else {
		obj = (char *)s + s->offset + (size_t)s->fresh++ * s->size;
	}
	index = ((char *)obj - (char *)s - s->offset) / s->size;
	bitmap_set_range(s->live, index, 1);
	if (s->in_use++ == 0)
		cls->empty--;
	if (s->in_use == s->capacity)
		list_del(&s->list);
	heap->bytes_in_use += heap_slab_object_size(s);
	slub_debug_heap_alloc(s, obj);
	return obj;
}

static void *large_alloc(struct heap *heap, size_t size)
{
	size_t pages = PAGES(size);
	char *p = heap->src->alloc(heap, pages);

	if (!p)
		return NULL;
	*heap->src->owner(heap, p) = (uint32_t)(pages << OWNER_PAGES_SHIFT) |
				     OWNER_LARGE;
	for (size_t i = 1; i < pages; i++)
		*heap->src->owner(heap, p + i * PAGE_SIZE) = OWNER_LARGE_TAIL;
	heap->pages += pages;
	heap->bytes_in_use += pages * PAGE_SIZE;
	return p;
}

/* excerpt: heap-alloc */
void *heap_alloc(struct heap *heap, size_t size)
{
	void *p;

	if (!size)
		return NULL;
	if (size > HEAP_MAX_ALLOC) {
		heap->warn("kmalloc: %zu bytes is more than the %lu MiB limit\n",
			   size, HEAP_MAX_ALLOC >> 20);
		return NULL;
	}
	if (size <= HEAP_MAX_SMALL)
		p = slab_alloc(heap, class_for(heap, size));
	else
		p = large_alloc(heap, size);
	if (!p) {
		heap->warn("kmalloc: out of memory for %zu bytes\n", size);
		return NULL;
	}
	heap->allocations++;
	return p;
}
/* excerpt-end: heap-alloc */

/*
 * What @ptr is: its slab and object index, or its large run's page count.
 * Returns the reason it is not a live allocation, or NULL.
 */
static const char *heap_lookup(struct heap *heap, const void *ptr,
			       struct heap_slab **slab, size_t *index,
			       size_t *pages)
{
	const char *page = (const char *)((uintptr_t)ptr & PAGE_MASK);
	uint32_t *owner = heap->src->owner(heap, page);
	size_t off;

	*slab = NULL;
	if (!owner || !*owner)
		return "not a heap address (foreign pointer, or a freed large allocation)";
	switch (*owner & OWNER_TAG_MASK) {
	case OWNER_LARGE:
		if (page != ptr)
			return "points into the middle of an allocation";
		*pages = *owner >> OWNER_PAGES_SHIFT;
		return NULL;
	case OWNER_SLAB:
		*slab = (struct heap_slab *)page;
		off = (size_t)((const char *)ptr - page);
		if ((*slab)->magic != SLAB_MAGIC)
			return "slab header corrupted";
		if (off < (*slab)->offset ||
		    (off - (*slab)->offset) % (*slab)->size ||
		    (off - (*slab)->offset) / (*slab)->size >=
			    (*slab)->capacity)
			return "points into the middle of an object";
		*index = (off - (*slab)->offset) / (*slab)->size;
		if (!bitmap_test((*slab)->live, *index))
			return "double free (object is not allocated)";
		return NULL;
	default:
		return "points into the middle of an allocation";
	}
}

static void slab_free(struct heap *heap, struct heap_slab *s, size_t index,
		      void *ptr)
{
	struct heap_class *cls = s->cls;

	bitmap_clear_range(s->live, index, 1);
	memset(ptr, HEAP_POISON, heap_slab_object_size(s));
	*heap_free_link(ptr, cls->size) = s->free_list;
	s->free_list = ptr;
	if (s->in_use-- == s->capacity)
		list_add(&s->list, &cls->partial);
	heap->bytes_in_use -= heap_slab_object_size(s);
	slub_debug_heap_free(s, ptr);
	if (s->in_use)
		return;
	/* Keep one unused slab per class: a free/alloc pair stays cheap. */
	cls->empty++;
	if (cls->empty > 1)
		slab_release(heap, s);
}

static void large_free(struct heap *heap, void *ptr, size_t pages)
{
	for (size_t i = 0; i < pages; i++)
		*heap->src->owner(heap, (char *)ptr + i * PAGE_SIZE) = 0;
	heap->pages -= pages;
	heap->bytes_in_use -= pages * PAGE_SIZE;
	heap->src->free(heap, ptr, pages);
}

int heap_free(struct heap *heap, void *ptr)
{
	struct heap_slab *slab;
	size_t index = 0, pages = 0;
	const char *why;

	if (!ptr)
		return 0;
	why = heap_lookup(heap, ptr, &slab, &index, &pages);
	if (why) {
		heap->bad_frees++;
		if (!slub_debug_heap_bad_free(heap, slab, ptr))
			heap->warn("kfree: bad free of %p: %s\n", ptr, why);
		return -EINVAL;
	}
	if (slab)
		slab_free(heap, slab, index, ptr);
	else
		large_free(heap, ptr, pages);
	heap->allocations--;
	return 0;
}

size_t heap_usable_size(struct heap *heap, const void *ptr)
{
	struct heap_slab *slab;
	size_t index, pages;

	if (!ptr || heap_lookup(heap, ptr, &slab, &index, &pages))
		return 0;
	return slab ? heap_slab_object_size(slab) : pages * PAGE_SIZE;
}

void *heap_realloc(struct heap *heap, void *ptr, size_t size)
{
	size_t have;
	void *p;

	if (!ptr)
		return heap_alloc(heap, size);
	have = heap_usable_size(heap, ptr);
	if (!have) {
		heap_free(heap, ptr); /* reports what is wrong with it */
		return NULL;
	}
	if (!size) {
		heap_free(heap, ptr);
		return NULL;
	}
	if (size <= have)
		return ptr;
	p = heap_alloc(heap, size);
	if (!p)
		return NULL;
	memcpy(p, ptr, have);
	heap_free(heap, ptr);
	return p;
}

void heap_trim(struct heap *heap)
{
	for (size_t i = 0; i < HEAP_CLASS_COUNT; i++) {
		struct heap_class *cls = &heap->classes[i];
		struct heap_slab *s, *next;

		list_for_each_entry_safe(s, next, &cls->partial, list)
			if (!s->in_use)
				slab_release(heap, s);
	}
}
