/*
 * The bitmap operations against the same operations done one bit at a
 * time: every range of up to four words from every bit of the first two
 * words, over random maps and over maps with one bit set, and random runs
 * looked for in random maps.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../mm/internal.h"

#define WORDS 6
#define BITS (WORDS * BITMAP_WORD_BITS)

static void random_map(uint64_t *map)
{
	for (size_t w = 0; w < WORDS; w++)
		map[w] = (uint64_t)rand() << 40 ^ (uint64_t)rand() << 20 ^
			 (uint64_t)rand();
}

static void ref_put(uint64_t *map, size_t bit, bool on)
{
	uint64_t *word = &map[bit / BITMAP_WORD_BITS];
	uint64_t b = 1ull << (bit % BITMAP_WORD_BITS);

	*word = on ? *word | b : *word & ~b;
}

/*
 * Ranges from every bit of the first two words, of every length up to four
 * words: inside one word, across one boundary, across several.
 */
static void ranges_match_bit_by_bit(void **state)
{
	uint64_t map[WORDS], want[WORDS];

	srand(1);
	for (size_t start = 0; start < 2 * BITMAP_WORD_BITS; start++) {
		for (size_t count = 0; count <= 4 * BITMAP_WORD_BITS; count++) {
			size_t n = 0;

			random_map(map);
			for (size_t i = start; i < start + count; i++)
				n += bitmap_test(map, i);
			assert_int_equal(bitmap_count_range(map, start, count),
					 n);
			assert_int_equal(bitmap_any_set(map, start, count),
					 n != 0);

			memcpy(want, map, sizeof(map));
			for (size_t i = start; i < start + count; i++)
				ref_put(want, i, true);
			bitmap_set_range(map, start, count);
			assert_memory_equal(map, want, sizeof(map));

			random_map(map);
			memcpy(want, map, sizeof(map));
			for (size_t i = start; i < start + count; i++)
				ref_put(want, i, false);
			bitmap_clear_range(map, start, count);
			assert_memory_equal(map, want, sizeof(map));
		}
	}
}

/*
 * A random map has a set bit in almost every range: bitmap_any_set() on maps
 * with one bit set, at a word's edges or inside it, in each word in turn,
 * before, in and after every range of the test above.
 */
static void any_set_finds_a_lone_bit(void **state)
{
	static const size_t in_word[] = { 0, 1, 31, 62, 63 };
	uint64_t map[WORDS];

	for (size_t i = 0; i < WORDS * ARRAY_SIZE(in_word); i++) {
		size_t bit = i / ARRAY_SIZE(in_word) * BITMAP_WORD_BITS +
			     in_word[i % ARRAY_SIZE(in_word)];

		memset(map, 0, sizeof(map));
		ref_put(map, bit, true);
		for (size_t start = 0; start < 2 * BITMAP_WORD_BITS; start++) {
			for (size_t count = 0; count <= 4 * BITMAP_WORD_BITS;
			     count++) {
				bool in = start <= bit && bit < start + count;

				if (bitmap_any_set(map, start, count) != in)
					fail_msg("bit %zu, range %zu+%zu: %s",
						 bit, start, count,
						 in ? "not seen" : "seen");
			}
		}
	}
}

/* The first run of @count clear bits at a multiple of @align, by looking. */
static size_t ref_find(const uint64_t *map, size_t from, size_t count,
		       size_t align)
{
	for (size_t s = (from + align - 1) / align * align; s + count <= BITS;
	     s += align) {
		size_t i = 0;

		while (i < count && !bitmap_test(map, s + i))
			i++;
		if (i == count)
			return s;
	}
	return BITS;
}

static void runs_match_a_search(void **state)
{
	uint64_t map[WORDS];

	srand(2);
	for (int round = 0; round < 20000; round++) {
		size_t from = (size_t)rand() % BITS;
		size_t count = 1 + (size_t)rand() % 80;
		size_t align = 1u << (rand() % 4);

		/* Sparse set bits, so that long clear runs exist. */
		random_map(map);
		for (size_t w = 0; w < WORDS; w++)
			map[w] &= (uint64_t)rand() << 33 ^ (uint64_t)rand();
		assert_int_equal(bitmap_find_clear_run(map, BITS, from, count,
						       align),
				 ref_find(map, from, count, align));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ranges_match_bit_by_bit),
		cmocka_unit_test(any_set_finds_a_lone_bit),
		cmocka_unit_test(runs_match_a_search),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
