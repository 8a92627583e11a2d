/*
 * The physical frame pool: which 4 KiB frames of RAM are free, kept as
 * bitmaps over the span of usable RAM.  Pure logic over a memory map and
 * caller-supplied storage, so the host unit tests run this very code on
 * simulated maps; mm/frame.c feeds it the Multiboot2 map.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

static void warn_none(const char *fmt, ...)
{
}

/* [*start, *end) of entry @e, clipped so that it does not wrap. */
static bool entry_bounds(const struct boot_mmap_entry *e, size_t i,
			 phys_addr_t *start, phys_addr_t *end,
			 frame_warn_fn warn)
{
	if (!e->len) {
		warn("memory map entry %zu at %#llx is empty; ignored\n", i,
		     (unsigned long long)e->addr);
		return false;
	}
	*start = e->addr;
	*end = e->addr + e->len;
	if (*end < *start) {
		warn("memory map entry %zu at %#llx wraps past 2^64; cut\n", i,
		     (unsigned long long)e->addr);
		*end = ~0ull;
	}
	return true;
}

/*
 * The whole frames inside usable entry @i, cut at FRAME_PHYS_LIMIT.  Firmware
 * often reports unaligned ends (640 KiB - 1 KiB): the partial frames are
 * simply not used.
 */
static bool ram_frames(const struct boot_mmap_entry *e, size_t i,
		       phys_addr_t *start, phys_addr_t *end, frame_warn_fn warn)
{
	if (!entry_bounds(e, i, start, end, warn))
		return false;
	if (*end > FRAME_PHYS_LIMIT) {
		warn("memory map entry %zu: ignoring RAM above %llu GiB\n", i,
		     FRAME_PHYS_LIMIT >> 30);
		*end = FRAME_PHYS_LIMIT;
	}
	*start = ALIGN_UP(*start, (phys_addr_t)PAGE_SIZE);
	*end = ALIGN_DOWN(*end, (phys_addr_t)PAGE_SIZE);
	return *start < *end;
}

int frame_map_extent(const struct boot_mmap_entry *map, size_t count,
		     phys_addr_t *base, phys_addr_t *end, frame_warn_fn warn)
{
	phys_addr_t lo = ~0ull, hi = 0, s, e;

	for (size_t i = 0; i < count; i++) {
		if (map[i].type != MB2_MEMORY_AVAILABLE ||
		    !ram_frames(&map[i], i, &s, &e, warn_none))
			continue;
		lo = MIN(lo, s);
		hi = MAX(hi, e);
	}
	if (lo >= hi) {
		warn("memory map: no usable RAM in %zu entries\n", count);
		return -ENOMEM;
	}
	*base = lo;
	*end = hi;
	return 0;
}

size_t frame_pool_storage_size(size_t nframes)
{
	size_t words = BITMAP_WORDS(nframes);

	return 3 * words * sizeof(uint64_t) + nframes * sizeof(uint32_t);
}

static bool overlaps(phys_addr_t s1, phys_addr_t e1, phys_addr_t s2,
		     phys_addr_t e2)
{
	return s1 < e2 && s2 < e1;
}

/* The end of the first range that [s, e) runs into, or 0 if none. */
static phys_addr_t find_conflict(const struct boot_mmap_entry *map,
				 size_t count, const struct frame_range *res,
				 size_t nres, phys_addr_t s, phys_addr_t e)
{
	phys_addr_t rs, re;

	for (size_t i = 0; i < nres; i++)
		if (overlaps(s, e, res[i].start, res[i].end))
			return res[i].end;
	for (size_t i = 0; i < count; i++) {
		if (map[i].type == MB2_MEMORY_AVAILABLE ||
		    !entry_bounds(&map[i], i, &rs, &re, warn_none))
			continue;
		if (overlaps(s, e, rs, re))
			return re;
	}
	return 0;
}

phys_addr_t frame_find_space(const struct boot_mmap_entry *map, size_t count,
			     const struct frame_range *res, size_t nres,
			     size_t size, phys_addr_t limit)
{
	phys_addr_t s, e, at, hit;

	for (size_t i = 0; i < count; i++) {
		if (map[i].type != MB2_MEMORY_AVAILABLE ||
		    !ram_frames(&map[i], i, &s, &e, warn_none))
			continue;
		e = MIN(e, limit);
		for (at = MAX(s, (phys_addr_t)PAGE_SIZE);
		     at < e && e - at >= size;
		     at = ALIGN_UP(hit, (phys_addr_t)PAGE_SIZE)) {
			hit = find_conflict(map, count, res, nres, at,
					    at + size);
			if (!hit)
				return at;
		}
	}
	return 0;
}

/* Frame indexes of [s, e) within the pool, clipped to it. */
static bool pool_span(const struct frame_pool *pool, phys_addr_t s,
		      phys_addr_t e, size_t *first, size_t *n)
{
	phys_addr_t end = pool->base + (phys_addr_t)pool->nframes * PAGE_SIZE;

	s = MAX(s, pool->base);
	e = MIN(e, end);
	if (s >= e)
		return false;
	*first = (s - pool->base) >> PAGE_SHIFT;
	*n = (e - s) >> PAGE_SHIFT;
	return *n > 0;
}

/* Mark [s, e), widened to whole frames, as not usable RAM. */
static void pool_mark_hole(struct frame_pool *pool, phys_addr_t s,
			   phys_addr_t e)
{
	size_t first, n;

	s = ALIGN_DOWN(s, (phys_addr_t)PAGE_SIZE);
	e = e > ~0ull - PAGE_SIZE ? ~0ull & PAGE_MASK :
				    ALIGN_UP(e, (phys_addr_t)PAGE_SIZE);
	if (pool_span(pool, s, e, &first, &n)) {
		bitmap_clear_range(pool->ram, first, n);
		bitmap_set_range(pool->used, first, n);
	}
}

static void warn_overlaps(const struct boot_mmap_entry *map, size_t count,
			  frame_warn_fn warn)
{
	phys_addr_t s1, e1, s2, e2;

	for (size_t i = 0; i < count; i++) {
		if (map[i].type != MB2_MEMORY_AVAILABLE ||
		    !entry_bounds(&map[i], i, &s1, &e1, warn_none))
			continue;
		for (size_t j = 0; j < count; j++) {
			if (map[j].type == MB2_MEMORY_AVAILABLE ||
			    !entry_bounds(&map[j], j, &s2, &e2, warn_none) ||
			    !overlaps(s1, e1, s2, e2))
				continue;
			warn("memory map entries %zu (usable) and %zu (type %u) overlap at %#llx-%#llx; not using it\n",
			     i, j, map[j].type, (unsigned long long)MAX(s1, s2),
			     (unsigned long long)MIN(e1, e2));
		}
	}
}

/* excerpt: pool-apply-map */
static void pool_apply_map(struct frame_pool *pool,
			   const struct boot_mmap_entry *map, size_t count)
{
	phys_addr_t s, e;
	size_t first, n;

	for (size_t i = 0; i < count; i++) {
		if (map[i].type != MB2_MEMORY_AVAILABLE ||
		    !ram_frames(&map[i], i, &s, &e, pool->warn))
			continue;
		if (pool_span(pool, s, e, &first, &n)) {
			bitmap_set_range(pool->ram, first, n);
			bitmap_clear_range(pool->used, first, n);
		}
	}
	/* Where a usable entry and any other overlap, the other wins. */
	for (size_t i = 0; i < count; i++)
		if (map[i].type != MB2_MEMORY_AVAILABLE &&
		    entry_bounds(&map[i], i, &s, &e, pool->warn))
			pool_mark_hole(pool, s, e);
	warn_overlaps(map, count, pool->warn);
}
/* excerpt-end: pool-apply-map */

/* excerpt: pool-reserve */
/* Set [s, e), widened to whole frames, aside if it is RAM. */
static void pool_reserve(struct frame_pool *pool, phys_addr_t s, phys_addr_t e)
{
	size_t first, n;

	s = ALIGN_DOWN(s, (phys_addr_t)PAGE_SIZE);
	e = ALIGN_UP(e, (phys_addr_t)PAGE_SIZE);
	if (!pool_span(pool, s, e, &first, &n))
		return;
	for (size_t i = first; i < first + n; i++) {
		if (bitmap_test(pool->ram, i) &&
		    !bitmap_test(pool->reserved, i)) {
			bitmap_set_range(pool->reserved, i, 1);
			bitmap_set_range(pool->used, i, 1);
			pool->reserved_count++;
		}
	}
}
/* excerpt-end: pool-reserve */

void frame_pool_init(struct frame_pool *pool, void *storage, phys_addr_t base,
		     phys_addr_t end, const struct boot_mmap_entry *map,
		     size_t count, const struct frame_range *res, size_t nres,
		     frame_warn_fn warn)
{
	size_t nframes = (end - base) >> PAGE_SHIFT;
	size_t words = BITMAP_WORDS(nframes);

	memset(pool, 0, sizeof(*pool));
	pool->base = base;
	pool->nframes = nframes;
	pool->warn = warn ? warn : warn_none;
	pool->ram = storage;
	pool->used = pool->ram + words;
	pool->reserved = pool->used + words;
	pool->owner = (uint32_t *)(pool->reserved + words);
	memset(storage, 0, frame_pool_storage_size(nframes));
	/* Bits past the end stay "used" so no scan runs off the span. */
	bitmap_set_range(pool->used, 0, words * BITMAP_WORD_BITS);

	pool_apply_map(pool, map, count);
	pool->total = bitmap_count_range(pool->ram, 0, nframes);
	pool_reserve(pool, 0, PAGE_SIZE);
	for (size_t i = 0; i < nres; i++)
		pool_reserve(pool, res[i].start, res[i].end);
}

/* excerpt: pool-alloc */
/* lab: 05 pool-alloc */
phys_addr_t frame_pool_alloc(struct frame_pool *pool, size_t count,
			     size_t align)
{
	size_t first;

	if (!count || !align || (align & (align - 1)))
		return 0;
	first = bitmap_find_clear_run(pool->used, pool->nframes,
				      pool->hint * BITMAP_WORD_BITS, count,
				      align);
	if (first == pool->nframes)
		return 0;
	/* Every word below a single frame's word is full now. */
	if (count == 1)
		pool->hint = first / BITMAP_WORD_BITS;
	bitmap_set_range(pool->used, first, count);
	pool->allocated += count;
	return pool->base + ((phys_addr_t)first << PAGE_SHIFT);
}
/* lab-end: 05 pool-alloc */
/* excerpt-end: pool-alloc */

/* Checks common to free and release: the range is whole frames of RAM. */
static int pool_check_range(struct frame_pool *pool, phys_addr_t pa,
			    size_t count, const char *op, size_t *first)
{
	size_t n;

	if (!count || !IS_ALIGNED(pa, PAGE_SIZE) || count > pool->nframes ||
	    !pool_span(pool, pa, pa + ((phys_addr_t)count << PAGE_SHIFT), first,
		       &n) ||
	    n != count || pa < pool->base) {
		pool->warn("%s: %#llx (+%zu frames) is not a range of RAM frames\n",
			   op, (unsigned long long)pa, count);
		return -EINVAL;
	}
	if (bitmap_count_range(pool->ram, *first, count) != count) {
		pool->warn("%s: %#llx (+%zu frames) includes memory that is not RAM\n",
			   op, (unsigned long long)pa, count);
		return -EINVAL;
	}
	return 0;
}

/* lab: 05 pool-free */
int frame_pool_free(struct frame_pool *pool, phys_addr_t pa, size_t count)
{
	size_t first;

	if (pool_check_range(pool, pa, count, "frame_free", &first))
		return -EINVAL;
	if (bitmap_any_set(pool->reserved, first, count)) {
		pool->warn("frame_free: %#llx (+%zu frames) includes a reserved frame\n",
			   (unsigned long long)pa, count);
		return -EINVAL;
	}
	if (bitmap_count_range(pool->used, first, count) != count) {
		pool->warn("frame_free: double free of frame(s) at %#llx (+%zu)\n",
			   (unsigned long long)pa, count);
		return -EINVAL;
	}
	bitmap_clear_range(pool->used, first, count);
	pool->allocated -= count;
	pool->hint = MIN(pool->hint, first / BITMAP_WORD_BITS);
	return 0;
}
/* lab-end: 05 pool-free */

int frame_pool_release(struct frame_pool *pool, phys_addr_t pa, size_t count)
{
	size_t first;

	if (pool_check_range(pool, pa, count, "frame_release", &first))
		return -EINVAL;
	if (bitmap_count_range(pool->reserved, first, count) != count) {
		pool->warn("frame_release: %#llx (+%zu frames) is not all reserved\n",
			   (unsigned long long)pa, count);
		return -EINVAL;
	}
	bitmap_clear_range(pool->reserved, first, count);
	bitmap_clear_range(pool->used, first, count);
	pool->reserved_count -= count;
	pool->hint = MIN(pool->hint, first / BITMAP_WORD_BITS);
	return 0;
}

uint32_t *frame_pool_owner(struct frame_pool *pool, phys_addr_t pa)
{
	size_t i;

	if (pa < pool->base)
		return NULL;
	i = (pa - pool->base) >> PAGE_SHIFT;
	if (i >= pool->nframes || !bitmap_test(pool->ram, i))
		return NULL;
	return &pool->owner[i];
}
