/*
 * Private to mm/: the pure cores (bitmaps, the frame pool, the heap) that
 * also build into the host unit tests, and the glue between mm's files.
 * Nothing here touches hardware; the kernel-side files do that.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/multiboot2.h>
#include <kernel/types.h>

/* ---- Bitmaps of 64-bit words (mm/bitmap.c) ---- */

#define BITMAP_WORD_BITS 64
#define BITMAP_WORDS(bits) (((bits) + BITMAP_WORD_BITS - 1) / BITMAP_WORD_BITS)

static inline bool bitmap_test(const uint64_t *map, size_t bit)
{
	return map[bit / BITMAP_WORD_BITS] >> (bit % BITMAP_WORD_BITS) & 1;
}

void bitmap_set_range(uint64_t *map, size_t start, size_t count);
void bitmap_clear_range(uint64_t *map, size_t start, size_t count);
/* bitmap_count_range - how many of the @count bits from @start are set. */
size_t bitmap_count_range(const uint64_t *map, size_t start, size_t count);
/*
 * bitmap_any_set - whether any of the @count bits from @start is set: stops
 * at the first word that has one, and counts nothing.
 */
bool bitmap_any_set(const uint64_t *map, size_t start, size_t count);
/*
 * bitmap_find_clear_run - the first run of @count clear bits in
 * [@from, @nbits) that starts at a multiple of @align (a power of two).
 * Returns its first bit, or @nbits when there is none.
 */
size_t bitmap_find_clear_run(const uint64_t *map, size_t nbits, size_t from,
			     size_t count, size_t align);

/* ---- The physical frame pool (mm/frame_pool.c) ---- */

/* RAM above this is ignored: it bounds the pool's bookkeeping. */
#define FRAME_PHYS_LIMIT (64ull << 30)

/* A range of physical memory that must not be handed out, and why. */
struct frame_range {
	phys_addr_t start, end; /* [start, end), any alignment */
	const char *what;
};

typedef void (*frame_warn_fn)(const char *fmt, ...) __printf(1, 2);

/*
 * mm_warn - the kernel's frame_warn_fn for the pure cores (frame pool and
 * heap): the message as one "mm: " line at warning level.  (frame.c)
 */
void mm_warn(const char *fmt, ...) __printf(1, 2);

/*
 * One bit per frame in each of three bitmaps:
 *   ram       usable RAM per the memory map (after overlaps are resolved)
 *   used      not free: allocated, reserved, or not RAM at all
 *   reserved  RAM set aside at boot (kernel image, boot data, firmware)
 * and one word per frame for the frame's current user (the heap tags its
 * pages there).
 */
struct frame_pool {
	phys_addr_t base; /* address of frame 0 of the bitmaps */
	size_t nframes;
	uint64_t *ram, *used, *reserved;
	uint32_t *owner;
	size_t hint;	       /* no free frame in bitmap words below this */
	size_t total;	       /* frames of usable RAM */
	size_t reserved_count; /* of those, set aside */
	size_t allocated;      /* of those, handed out */
	frame_warn_fn warn;
};

/*
 * frame_map_extent - the span [*@base, *@end) of usable RAM in the memory
 * map, page-aligned and cut at FRAME_PHYS_LIMIT.  Returns 0, or -ENOMEM
 * when the map has no usable RAM at all (reported through @warn).
 */
int frame_map_extent(const struct boot_mmap_entry *map, size_t count,
		     phys_addr_t *base, phys_addr_t *end, frame_warn_fn warn);

/* frame_pool_storage_size - bytes of bookkeeping for a span of @nframes. */
size_t frame_pool_storage_size(size_t nframes);

/*
 * frame_find_space - a page-aligned place for @size bytes in usable RAM
 * below @limit that overlaps none of the @nres reservations nor any
 * non-RAM entry.  Returns its address, or 0 if there is none.
 */
phys_addr_t frame_find_space(const struct boot_mmap_entry *map, size_t count,
			     const struct frame_range *res, size_t nres,
			     size_t size, phys_addr_t limit);

/*
 * frame_pool_init - set up @pool for the RAM in [@base, @end) described by
 * the memory map, with bookkeeping in @storage (frame_pool_storage_size
 * bytes).  Overlapping entries resolve to "not usable"; zero-length,
 * wrapping, unaligned and out-of-range entries are trimmed or ignored and
 * reported through @warn.  Each of the @nres reservations, and physical
 * page 0 (so that address 0 can mean "no frame"), is set aside.
 */
void frame_pool_init(struct frame_pool *pool, void *storage, phys_addr_t base,
		     phys_addr_t end, const struct boot_mmap_entry *map,
		     size_t count, const struct frame_range *res, size_t nres,
		     frame_warn_fn warn);

/*
 * frame_pool_alloc - @count contiguous free frames starting at a multiple
 * of @align frames (a power of two).  Returns the first one's address, or 0
 * when no such run is free.
 */
phys_addr_t frame_pool_alloc(struct frame_pool *pool, size_t count,
			     size_t align);

/*
 * frame_pool_free - give back @count frames from @pa.  Every frame must be
 * RAM that was allocated; otherwise nothing is freed, the problem (double
 * free, reserved frame, not RAM) is reported and -EINVAL returned.
 */
int frame_pool_free(struct frame_pool *pool, phys_addr_t pa, size_t count);

/*
 * frame_pool_release - turn @count reserved frames from @pa into free ones
 * (init memory after boot).  -EINVAL, freeing nothing, if any is not a
 * reserved RAM frame.
 */
int frame_pool_release(struct frame_pool *pool, phys_addr_t pa, size_t count);

/* frame_pool_owner - the owner word of the frame at @pa, NULL if none. */
uint32_t *frame_pool_owner(struct frame_pool *pool, phys_addr_t pa);

static inline size_t frame_pool_free_count(const struct frame_pool *pool)
{
	return pool->total - pool->reserved_count - pool->allocated;
}

/* ---- The heap core (mm/heap.c) ---- */

#define HEAP_CLASS_COUNT 7 /* 16, 32, ... 1024 bytes */
#define HEAP_MIN_SHIFT 4
#define HEAP_MAX_SMALL (1u << (HEAP_MIN_SHIFT + HEAP_CLASS_COUNT - 1))
#define HEAP_MAX_ALLOC (256ul << 20) /* refuse anything larger */

struct heap;

/*
 * Where the heap gets its pages: page-aligned, contiguous runs, and a word
 * per page for the heap to tag it with (NULL for an address that is not a
 * page of this source: a foreign pointer).
 */
struct heap_page_source {
	void *(*alloc)(struct heap *heap, size_t pages);
	void (*free)(struct heap *heap, void *addr, size_t pages);
	uint32_t *(*owner)(struct heap *heap, const void *addr);
};

struct heap_slab;

struct heap_class {
	size_t size;
	struct list_head partial; /* slabs with a free object */
	size_t empty;		  /* of those, wholly unused ones */
};

struct heap {
	const struct heap_page_source *src;
	void *ctx; /* for the page source */
	frame_warn_fn warn;
	struct heap_class classes[HEAP_CLASS_COUNT];
	size_t bytes_in_use; /* object or page size of each live one */
	size_t pages;	     /* pages the heap holds */
	size_t allocations;  /* live allocations */
	size_t bad_frees;    /* double or foreign frees seen */
};

/* heap_init - an empty heap over @src; @warn reports bad frees. */
void heap_init(struct heap *heap, const struct heap_page_source *src, void *ctx,
	       frame_warn_fn warn);

/*
 * heap_alloc - @size bytes (16-byte aligned; naturally aligned up to 128
 * for the small classes, page-aligned above HEAP_MAX_SMALL).  NULL when
 * @size is 0 or above HEAP_MAX_ALLOC, or the page source is exhausted.
 */
void *heap_alloc(struct heap *heap, size_t size);

/*
 * heap_free - free @ptr (NULL is a no-op).  A pointer the heap did not hand
 * out, or one already freed, is reported, counted in bad_frees and left
 * alone: -EINVAL.  Returns 0 otherwise.
 */
int heap_free(struct heap *heap, void *ptr);

/* heap_usable_size - bytes usable at @ptr, 0 if it is not a live object. */
size_t heap_usable_size(struct heap *heap, const void *ptr);

/*
 * heap_realloc - resize @ptr to @size, keeping the contents up to the
 * smaller size; in place when it fits.  NULL @ptr allocates; @size 0 frees
 * and returns NULL.  On failure returns NULL and @ptr is untouched.
 */
void *heap_realloc(struct heap *heap, void *ptr, size_t size);

/* heap_trim - give wholly unused slab pages back to the page source. */
void heap_trim(struct heap *heap);

/* ---- Kernel side ---- */

extern struct frame_pool frame_pool;

/*
 * vmm_map_huge - map @count 2 MiB pages from @virt to @phys (both aligned
 * to HUGE_PAGE_SIZE) with @flags, which must obey W^X; page tables are
 * allocated as needed.  For the direct map at boot: 0, -EINVAL, -EEXIST if
 * something is mapped there already, or -ENOMEM (what was mapped stays).
 * vmm_protect splits such a page when part of it changes.
 */
int vmm_map_huge(uintptr_t virt, phys_addr_t phys, size_t count, pte_t flags);

/*
 * direct_map_protect - make the direct-map alias of the @pages frames from
 * @pa read-only (@writable false: they hold code or constants mapped
 * elsewhere) or writable again (mm/directmap.c).  0 or vmm_protect's error.
 */
int direct_map_protect(phys_addr_t pa, size_t pages, bool writable);
extern size_t init_freed_bytes;

/* mm_frames_init, mm_paging_init, mm_heap_init: steps of mm_init().  */
void mm_frames_init(const struct boot_info *info);
void mm_paging_init(void);
void mm_heap_init(void);

/* The root of the kernel's page tables, as a direct-map pointer. */
extern pte_t *kernel_pml4;

/* Their parts of mm_get_stats() (mm/kmalloc.c, mm/vmarea.c). */
void kmalloc_stats(struct mm_stats *st);
void vmarea_stats(struct mm_stats *st);

/* vmarea_is_guard - @addr is in the guard page after a module-area or
 * ioremap range.  vmarea_is_stack_guard - in the one below a stack. */
bool vmarea_is_guard(uintptr_t addr);
bool vmarea_is_stack_guard(uintptr_t addr);

/* mm_fault_init - register mm's page-fault explainer (fault.c).  __init. */
void mm_fault_init(void);

/* mm_audit_init - the audit's frame bitmap, once the heap works.  __init. */
void mm_audit_init(void);

#endif
