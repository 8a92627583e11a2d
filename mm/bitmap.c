/*
 * Bitmaps of 64-bit words: the frame pool and the virtual-range allocators
 * keep one bit per page.  Whole words are handled at once where a range
 * covers them, so a scan over free memory is quick.
 */
#include "internal.h"

#define WORD_ALL_ONES (~0ull)

/* Set bits in @v; the kernel has no libgcc for __builtin_popcountll. */
static unsigned int popcount64(uint64_t v)
{
	v = v - ((v >> 1) & 0x5555555555555555ull);
	v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
	v = (v + (v >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned int)((v * 0x0101010101010101ull) >> 56);
}

/* The bits of word @w that fall in [start, start + count). */
static uint64_t word_mask(size_t w, size_t start, size_t count)
{
	size_t lo = w * BITMAP_WORD_BITS, hi = lo + BITMAP_WORD_BITS;
	size_t from = MAX(start, lo) - lo, to = MIN(start + count, hi) - lo;
	uint64_t upper = to == BITMAP_WORD_BITS ? WORD_ALL_ONES :
						  (1ull << to) - 1;

	return upper & ~((1ull << from) - 1);
}

void bitmap_set_range(uint64_t *map, size_t start, size_t count)
{
	if (count == 1) { /* the common case: one frame or object */
		map[start / BITMAP_WORD_BITS] |= 1ull
						 << (start % BITMAP_WORD_BITS);
		return;
	}
	if (!count)
		return;
	for (size_t w = start / BITMAP_WORD_BITS;
	     w <= (start + count - 1) / BITMAP_WORD_BITS; w++)
		map[w] |= word_mask(w, start, count);
}

void bitmap_clear_range(uint64_t *map, size_t start, size_t count)
{
	if (count == 1) {
		map[start / BITMAP_WORD_BITS] &=
			~(1ull << (start % BITMAP_WORD_BITS));
		return;
	}
	if (!count)
		return;
	for (size_t w = start / BITMAP_WORD_BITS;
	     w <= (start + count - 1) / BITMAP_WORD_BITS; w++)
		map[w] &= ~word_mask(w, start, count);
}

size_t bitmap_count_range(const uint64_t *map, size_t start, size_t count)
{
	size_t n = 0;

	if (count == 1)
		return bitmap_test(map, start);
	if (!count)
		return 0;
	for (size_t w = start / BITMAP_WORD_BITS;
	     w <= (start + count - 1) / BITMAP_WORD_BITS; w++)
		n += popcount64(map[w] & word_mask(w, start, count));
	return n;
}

/* Only the first and last words need a mask; those between are whole. */
bool bitmap_any_set(const uint64_t *map, size_t start, size_t count)
{
	size_t w = start / BITMAP_WORD_BITS, last;

	if (!count)
		return false;
	last = (start + count - 1) / BITMAP_WORD_BITS;
	if (map[w] & word_mask(w, start, count))
		return true;
	for (w++; w < last; w++)
		if (map[w])
			return true;
	return w == last && (map[last] & word_mask(last, start, count));
}

/* lab: 05 find-clear-run */
/* The first clear bit at or after @bit, or @nbits. */
static size_t next_clear(const uint64_t *map, size_t nbits, size_t bit)
{
	while (bit < nbits) {
		uint64_t inv = ~map[bit / BITMAP_WORD_BITS] >>
			       (bit % BITMAP_WORD_BITS);

		if (inv) {
			bit += __builtin_ctzll(inv);
			return MIN(bit, nbits);
		}
		bit = ALIGN_UP(bit + 1, BITMAP_WORD_BITS);
	}
	return nbits;
}

/* The first set bit in [bit, limit), or @limit. */
static size_t next_set(const uint64_t *map, size_t limit, size_t bit)
{
	while (bit < limit) {
		uint64_t v = map[bit / BITMAP_WORD_BITS] >>
			     (bit % BITMAP_WORD_BITS);

		if (v) {
			bit += __builtin_ctzll(v);
			return MIN(bit, limit);
		}
		bit = ALIGN_UP(bit + 1, BITMAP_WORD_BITS);
	}
	return limit;
}

size_t bitmap_find_clear_run(const uint64_t *map, size_t nbits, size_t from,
			     size_t count, size_t align)
{
	size_t bit = from;

	if (!count || count > nbits)
		return nbits;
	for (;;) {
		size_t start = next_clear(map, nbits, bit), stop;

		start = ALIGN_UP(start, align);
		if (start >= nbits || nbits - start < count)
			return nbits;
		stop = next_set(map, start + count, start);
		if (stop == start + count)
			return start;
		bit = stop + 1;
	}
}
/* lab-end: 05 find-clear-run */
