/*
 * The heap core over the real frame pool, with a host buffer standing in
 * for physical memory: size classes and large allocations, kfree(NULL),
 * double and foreign frees, exhaustion, realloc, and a random stress run
 * after which the heap and the frame pool are back where they started.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include "../../mm/internal.h"
#include "capture.h"
#include "heap_arena.h"

static int setup(void **state)
{
	heap_arena_setup();
	warnings[0] = 0;
	return 0;
}

static void sizes_and_alignment(void **state)
{
	static const size_t sizes[] = {
		1,   8,	   16,	 17,   100,  128,  129,
		500, 1000, 1024, 1025, 4096, 4097, 20000
	};
	void *p[ARRAY_SIZE(sizes)];
	size_t start = frame_pool_free_count(&pool);

	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		p[i] = heap_alloc(&heap, sizes[i]);
		assert_non_null(p[i]);
		assert_true(heap_usable_size(&heap, p[i]) >= sizes[i]);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		if (sizes[i] > HEAP_MAX_SMALL)
			assert_int_equal((uintptr_t)p[i] % PAGE_SIZE, 0);
		memset(p[i], (int)i, sizes[i]);
	}
	assert_int_equal(heap.allocations, ARRAY_SIZE(sizes));
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (size_t b = 0; b < sizes[i]; b++)
			assert_int_equal(((unsigned char *)p[i])[b], i);
		assert_int_equal(heap_free(&heap, p[i]), 0);
	}
	assert_int_equal(heap.allocations, 0);
	assert_int_equal(heap.bytes_in_use, 0);
	heap_trim(&heap);
	assert_int_equal(heap.pages, 0);
	assert_int_equal(frame_pool_free_count(&pool), start);
	assert_string_equal(warnings, "");
	assert_null(heap_alloc(&heap, 0));
	assert_string_equal(warnings, "");
	assert_null(heap_alloc(&heap, HEAP_MAX_ALLOC + 1));
	assert_string_equal(warnings,
			    "kmalloc: 268435457 bytes is more than the 256 MiB limit\n");
}

static void bad_frees_are_reported(void **state)
{
	int local;
	char *small = heap_alloc(&heap, 40),
	     *big = heap_alloc(&heap, 3 * PAGE_SIZE);
	void *outside = malloc(16);
	size_t in_use;

	assert_int_equal(heap_free(&heap, NULL), 0);
	assert_int_equal(heap_free(&heap, small), 0);
	in_use = heap.bytes_in_use;
	assert_int_equal(heap_free(&heap, small), -EINVAL);
	assert_non_null(strstr(warnings, "double free"));
	assert_int_equal(heap_free(&heap, &local), -EINVAL);
	assert_int_equal(heap_free(&heap, outside), -EINVAL);
	assert_non_null(strstr(warnings, "not a heap address"));
	assert_int_equal(heap_free(&heap, big + 8), -EINVAL);
	assert_int_equal(heap_free(&heap, big + PAGE_SIZE), -EINVAL);
	assert_non_null(strstr(warnings, "middle of an allocation"));
	small = heap_alloc(&heap, 40);
	assert_int_equal(heap_free(&heap, small + 4), -EINVAL);
	assert_non_null(strstr(warnings, "middle of an object"));
	assert_int_equal(heap.bad_frees, 6);
	assert_int_equal(heap.bytes_in_use, in_use + 64);
	assert_int_equal(heap_free(&heap, small), 0);
	assert_int_equal(heap_free(&heap, big), 0);
	assert_int_equal(heap_free(&heap, big), -EINVAL);
	assert_int_equal(heap_usable_size(&heap, big), 0);
	assert_int_equal(heap.allocations, 0);
	free(outside);
}

static void exhaustion_returns_null(void **state)
{
	static void *p[1024];
	size_t n = 0, start = frame_pool_free_count(&pool);

	while ((p[n] = heap_alloc(&heap, 1000)))
		assert_true(++n < ARRAY_SIZE(p));
	/* 255 usable frames, 3 objects each. */
	assert_int_equal(n, 255 * 3);
	assert_int_equal(frame_pool_free_count(&pool), 0);
	assert_non_null(
		strstr(warnings, "kmalloc: out of memory for 1000 bytes"));
	assert_null(heap_alloc(&heap, 16));
	assert_null(heap_alloc(&heap, 2 * PAGE_SIZE));
	assert_non_null(
		strstr(warnings, "kmalloc: out of memory for 8192 bytes"));
	while (n--)
		assert_int_equal(heap_free(&heap, p[n]), 0);
	heap_trim(&heap);
	assert_int_equal(frame_pool_free_count(&pool), start);
	assert_int_equal(heap.pages, 0);
}

static void realloc_keeps_contents(void **state)
{
	char *p = heap_realloc(&heap, NULL, 10), *q;

	assert_non_null(p);
	memcpy(p, "abcdefghi", 10);
	assert_ptr_equal(heap_realloc(&heap, p, 16), p); /* fits in place */
	q = heap_realloc(&heap, p, 3000);
	assert_non_null(q);
	assert_string_equal(q, "abcdefghi");
	p = heap_realloc(&heap, q, 20000);
	assert_non_null(p);
	assert_string_equal(p, "abcdefghi");
	/* Too big for memory: NULL, and the old block is still there. */
	assert_null(heap_realloc(&heap, p, 2 * ARENA_SIZE));
	assert_string_equal(p, "abcdefghi");
	assert_null(heap_realloc(&heap, p, 0));
	assert_int_equal(heap.allocations, 0);
}

static void stress_returns_everything(void **state)
{
	struct {
		unsigned char *p;
		size_t n;
		unsigned char tag;
	} live[300];
	size_t nlive = 0, start = frame_pool_free_count(&pool);

	srand(11);
	for (int i = 0; i < 10000; i++) {
		if (nlive < ARRAY_SIZE(live) && rand() % 2) {
			size_t n = rand() % 4 ? 1 + rand() % 300 :
						1 + rand() % 9000;
			unsigned char *p = heap_alloc(&heap, n);

			if (!p)
				continue;
			live[nlive].p = p;
			live[nlive].n = n;
			live[nlive].tag = (unsigned char)i;
			memset(p, live[nlive].tag, n);
			nlive++;
		} else if (nlive) {
			size_t k = rand() % nlive;

			for (size_t b = 0; b < live[k].n; b++)
				assert_int_equal(live[k].p[b], live[k].tag);
			assert_int_equal(heap_free(&heap, live[k].p), 0);
			live[k] = live[--nlive];
		}
	}
	while (nlive--)
		assert_int_equal(heap_free(&heap, live[nlive].p), 0);
	assert_int_equal(heap.bytes_in_use, 0);
	assert_int_equal(heap.allocations, 0);
	heap_trim(&heap);
	assert_int_equal(heap.pages, 0);
	assert_int_equal(frame_pool_free_count(&pool), start);
	assert_string_equal(warnings, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(sizes_and_alignment, setup,
						heap_arena_teardown),
		cmocka_unit_test_setup_teardown(bad_frees_are_reported, setup,
						heap_arena_teardown),
		cmocka_unit_test_setup_teardown(exhaustion_returns_null, setup,
						heap_arena_teardown),
		cmocka_unit_test_setup_teardown(realloc_keeps_contents, setup,
						heap_arena_teardown),
		cmocka_unit_test_setup_teardown(stress_returns_everything,
						setup, heap_arena_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
