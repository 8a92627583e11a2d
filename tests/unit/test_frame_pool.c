/*
 * The physical frame pool on simulated memory maps: ordinary, overlapping,
 * unaligned, empty, wrapping and above-4-GiB entries; exhaustion; bad frees;
 * and a random stress run after which every frame is back.
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

#define KiB 1024ull
#define MiB (1024 * KiB)
#define GiB (1024 * MiB)

struct sim {
	struct frame_pool pool;
	void *storage;
};

static void sim_init(struct sim *s, const struct boot_mmap_entry *map, size_t n,
		     const struct frame_range *res, size_t nres)
{
	phys_addr_t base, end;

	warnings[0] = 0;
	assert_int_equal(frame_map_extent(map, n, &base, &end, capture), 0);
	s->storage = malloc(frame_pool_storage_size((end - base) / PAGE_SIZE));
	assert_non_null(s->storage);
	frame_pool_init(&s->pool, s->storage, base, end, map, n, res, nres,
			capture);
}

static void sim_done(struct sim *s)
{
	free(s->storage);
}

/* Allocate every free frame; none twice, none outside @ok. */
static size_t drain(struct sim *s, phys_addr_t *out, size_t max)
{
	size_t n = 0;
	phys_addr_t pa;

	while ((pa = frame_pool_alloc(&s->pool, 1, 1))) {
		assert_true(n < max);
		for (size_t i = 0; i < n; i++)
			assert_true(out[i] != pa);
		out[n++] = pa;
	}
	return n;
}

static bool in(phys_addr_t pa, phys_addr_t s, phys_addr_t e)
{
	return pa >= s && pa < e;
}

static void pc_like_map(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0, 0x9fc00, MB2_MEMORY_AVAILABLE },
		{ 0x9fc00, 0x400, MB2_MEMORY_RESERVED },
		{ 0xf0000, 0x10000, MB2_MEMORY_RESERVED },
		{ 1 * MiB, 15 * MiB, MB2_MEMORY_AVAILABLE },
	};
	const struct frame_range res[] = { { 1 * MiB, 1 * MiB + 300 * KiB,
					     "kernel" } };
	static phys_addr_t got[4096];
	struct sim s;
	size_t n;

	sim_init(&s, map, 4, res, 1);
	/* 0x9f whole frames below 640 KiB, 15 MiB above 1 MiB. */
	assert_int_equal(s.pool.total, 0x9f + 15 * 256);
	/* Page 0 and the kernel's 75 frames (300 KiB rounded up). */
	assert_int_equal(s.pool.reserved_count, 1 + 75);
	assert_int_equal(frame_pool_free_count(&s.pool), s.pool.total - 76);
	n = drain(&s, got, 4096);
	/* Handing out frames is no cause for a warning. */
	assert_string_equal(warnings, "");
	assert_int_equal(n, s.pool.total - 76);
	assert_int_equal(frame_pool_free_count(&s.pool), 0);
	for (size_t i = 0; i < n; i++) {
		assert_false(in(got[i], 0, PAGE_SIZE));
		assert_false(in(got[i], 0x9f000, 1 * MiB));
		assert_false(in(got[i], 1 * MiB, 1 * MiB + 300 * KiB));
	}
	assert_int_equal(frame_pool_alloc(&s.pool, 1, 1), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(frame_pool_free(&s.pool, got[i], 1), 0);
	assert_int_equal(frame_pool_free_count(&s.pool), s.pool.total - 76);
	assert_string_equal(warnings, "");
	sim_done(&s);
}

static void overlapping_entries(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0, 8 * MiB, MB2_MEMORY_AVAILABLE },
		{ 2 * MiB, 4 * MiB,
		  MB2_MEMORY_AVAILABLE }, /* inside the first */
		{ 4 * MiB, 1 * MiB, MB2_MEMORY_ACPI_RECLAIMABLE },
		{ 7 * MiB + 10, 100, MB2_MEMORY_RESERVED }, /* unaligned */
	};
	static phys_addr_t got[4096];
	struct sim s;
	size_t n;

	sim_init(&s, map, 4, NULL, 0);
	/* 8 MiB minus the ACPI MiB and the one frame under the reserved bytes. */
	assert_int_equal(s.pool.total, 7 * 256 - 1);
	assert_non_null(
		strstr(warnings, "entries 0 (usable) and 2 (type 3) overlap"));
	assert_non_null(
		strstr(warnings, "entries 1 (usable) and 2 (type 3) overlap"));
	n = drain(&s, got, 4096);
	assert_int_equal(n, 7 * 256 - 2);
	for (size_t i = 0; i < n; i++) {
		assert_false(in(got[i], 4 * MiB, 5 * MiB));
		assert_false(in(got[i], 7 * MiB, 7 * MiB + PAGE_SIZE));
	}
	sim_done(&s);
}

static void odd_entries(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0x1234, 0x10000, MB2_MEMORY_AVAILABLE }, /* unaligned */
		{ 0x20000, 0, MB2_MEMORY_AVAILABLE },	   /* empty */
		{ 0xfffffffffffff000ull, 0x2000,
		  MB2_MEMORY_RESERVED },		    /* wraps */
		{ 4 * GiB, 1 * MiB, MB2_MEMORY_AVAILABLE }, /* above 4 GiB */
		{ 0x30000, 0x1000, 99 },		    /* unknown type */
		{ 0x30000, 0x3000, MB2_MEMORY_AVAILABLE },
		{ 64 * GiB - 8 * KiB, 1 * GiB,
		  MB2_MEMORY_AVAILABLE }, /* past the limit */
	};
	static phys_addr_t got[1024];
	struct sim s;
	size_t n, high = 0;

	sim_init(&s, map, 7, NULL, 0);
	assert_non_null(
		strstr(warnings,
		       "entry 2 at 0xfffffffffffff000 wraps past 2^64"));
	assert_non_null(strstr(warnings, "entry 1 at 0x20000 is empty"));
	assert_non_null(strstr(warnings, "entry 6: ignoring RAM above 64 GiB"));
	/* 15 + (3 - 1 unknown) + 256 above 4 GiB + 2 below the limit. */
	assert_int_equal(s.pool.total, 15 + 2 + 256 + 2);
	n = drain(&s, got, 1024);
	assert_int_equal(n, s.pool.total);
	for (size_t i = 0; i < n; i++) {
		assert_false(in(got[i], 0x30000, 0x31000));
		assert_false(in(got[i], 0, 0x2000));
		high += got[i] >= 4 * GiB;
	}
	assert_int_equal(high, 256 + 2);
	sim_done(&s);
}

static void no_usable_ram(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0, 0x800, MB2_MEMORY_AVAILABLE }, /* less than a frame */
		{ 1 * MiB, 1 * MiB, MB2_MEMORY_RESERVED },
	};
	phys_addr_t base, end;

	warnings[0] = 0;
	assert_int_equal(frame_map_extent(map, 2, &base, &end, capture),
			 -ENOMEM);
	assert_string_equal(warnings,
			    "memory map: no usable RAM in 2 entries\n");
	assert_int_equal(frame_map_extent(map, 0, &base, &end, capture),
			 -ENOMEM);
}

static void contiguous_runs(void **state)
{
	const struct boot_mmap_entry map[] = { { 0, 1 * MiB,
						 MB2_MEMORY_AVAILABLE } };
	struct sim s;
	phys_addr_t a, b, c;

	sim_init(&s, map, 1, NULL, 0);
	a = frame_pool_alloc(&s.pool, 16, 16);
	assert_true(a && a % (16 * PAGE_SIZE) == 0);
	b = frame_pool_alloc(&s.pool, 1, 1);
	c = frame_pool_alloc(&s.pool, 3, 1);
	assert_true(b && c && c != b);
	/* 256 frames; page 0 reserved and 20 taken: no 240-frame run left. */
	assert_int_equal(frame_pool_alloc(&s.pool, 240, 1), 0);
	assert_int_equal(frame_pool_alloc(&s.pool, 0, 1), 0);
	assert_int_equal(frame_pool_alloc(&s.pool, 1, 3),
			 0); /* not a power of two */
	assert_int_equal(frame_pool_free(&s.pool, a, 16), 0);
	assert_int_equal(frame_pool_free(&s.pool, b, 1), 0);
	assert_int_equal(frame_pool_free(&s.pool, c, 3), 0);
	a = frame_pool_alloc(&s.pool, 255, 1);
	assert_int_equal(a, PAGE_SIZE);
	assert_int_equal(frame_pool_free_count(&s.pool), 0);
	assert_int_equal(frame_pool_free(&s.pool, a, 255), 0);
	sim_done(&s);
}

static void bad_frees(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0, 1 * MiB, MB2_MEMORY_AVAILABLE },
		{ 1 * MiB, 1 * MiB, MB2_MEMORY_RESERVED },
		{ 2 * MiB, 1 * MiB, MB2_MEMORY_AVAILABLE },
	};
	const struct frame_range res[] = { { 0x10000, 0x12000, "boot data" } };
	struct sim s;
	phys_addr_t a;
	size_t free_before;

	sim_init(&s, map, 3, res, 1);
	a = frame_pool_alloc(&s.pool, 2, 1);
	free_before = frame_pool_free_count(&s.pool);
	assert_int_equal(frame_pool_free(&s.pool, a, 2), 0);
	assert_int_equal(frame_pool_free(&s.pool, a, 1), -EINVAL);
	assert_non_null(strstr(warnings, "double free"));
	assert_int_equal(frame_pool_free(&s.pool, 0x10000, 1), -EINVAL);
	assert_non_null(strstr(warnings, "reserved frame"));
	assert_int_equal(frame_pool_free(&s.pool, 1 * MiB, 1), -EINVAL);
	assert_non_null(strstr(warnings, "not RAM"));
	assert_int_equal(frame_pool_free(&s.pool, a + 1, 1), -EINVAL);
	assert_int_equal(frame_pool_free(&s.pool, 16 * GiB, 1), -EINVAL);
	assert_int_equal(frame_pool_free(&s.pool, 3 * MiB - PAGE_SIZE, 2),
			 -EINVAL);
	assert_int_equal(frame_pool_free_count(&s.pool), free_before + 2);
	/* Part allocated, part free: nothing is freed. */
	a = frame_pool_alloc(&s.pool, 1, 1);
	assert_int_equal(frame_pool_free(&s.pool, a, 2), -EINVAL);
	assert_int_equal(frame_pool_free(&s.pool, a, 1), 0);
	sim_done(&s);
}

static void release_reserved(void **state)
{
	const struct boot_mmap_entry map[] = { { 0, 1 * MiB,
						 MB2_MEMORY_AVAILABLE } };
	const struct frame_range res[] = { { 0x40000, 0x48000, "init" } };
	struct sim s;
	size_t before;

	sim_init(&s, map, 1, res, 1);
	before = frame_pool_free_count(&s.pool);
	assert_int_equal(frame_pool_release(&s.pool, 0x40000, 8), 0);
	assert_int_equal(frame_pool_free_count(&s.pool), before + 8);
	assert_int_equal(s.pool.reserved_count, 1);
	assert_int_equal(frame_pool_release(&s.pool, 0x40000, 1), -EINVAL);
	assert_non_null(strstr(warnings, "not all reserved"));
	sim_done(&s);
}

static void finds_space_for_bookkeeping(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0, 0x9f000, MB2_MEMORY_AVAILABLE },
		{ 1 * MiB, 31 * MiB, MB2_MEMORY_AVAILABLE },
		{ 3 * MiB, 1 * MiB, MB2_MEMORY_RESERVED },
	};
	const struct frame_range res[] = {
		{ 0, 1 * MiB, "low" },
		{ 1 * MiB, 2 * MiB + 5, "kernel" },
	};

	/* Past the kernel, the hole at 3 MiB is too close: after it. */
	assert_int_equal(frame_find_space(map, 3, res, 2, 1 * MiB + 1, 4 * GiB),
			 4 * MiB);
	assert_int_equal(frame_find_space(map, 3, res, 2, 4096, 4 * GiB),
			 2 * MiB + PAGE_SIZE);
	assert_int_equal(frame_find_space(map, 3, res, 2, 64 * MiB, 4 * GiB),
			 0);
	assert_int_equal(frame_find_space(map, 3, res, 2, 8 * MiB, 8 * MiB), 0);
}

static void stress_returns_every_frame(void **state)
{
	const struct boot_mmap_entry map[] = {
		{ 0, 2 * MiB, MB2_MEMORY_AVAILABLE },
		{ 3 * MiB, 2 * MiB, MB2_MEMORY_AVAILABLE },
	};
	struct {
		phys_addr_t pa;
		size_t n;
	} live[512];
	static uint8_t owner[5 * 256];
	size_t nlive = 0, start;
	struct sim s;

	sim_init(&s, map, 2, NULL, 0);
	start = frame_pool_free_count(&s.pool);
	srand(7);
	for (int i = 0; i < 20000; i++) {
		if (nlive < 512 && rand() % 3) {
			size_t n = 1 + (rand() % 4 == 0 ? rand() % 9 : 0);
			size_t align = (size_t)1 << (rand() % 3);
			phys_addr_t pa = frame_pool_alloc(&s.pool, n, align);

			if (!pa)
				continue;
			assert_int_equal(pa % (align * PAGE_SIZE), 0);
			for (size_t f = 0; f < n; f++) {
				assert_int_equal(owner[pa / PAGE_SIZE + f], 0);
				owner[pa / PAGE_SIZE + f] = 1;
			}
			live[nlive].pa = pa;
			live[nlive++].n = n;
		} else if (nlive) {
			size_t k = rand() % nlive;

			for (size_t f = 0; f < live[k].n; f++)
				owner[live[k].pa / PAGE_SIZE + f] = 0;
			assert_int_equal(frame_pool_free(&s.pool, live[k].pa,
							 live[k].n),
					 0);
			live[k] = live[--nlive];
		}
	}
	while (nlive--)
		assert_int_equal(frame_pool_free(&s.pool, live[nlive].pa,
						 live[nlive].n),
				 0);
	assert_int_equal(frame_pool_free_count(&s.pool), start);
	assert_int_equal(s.pool.allocated, 0);
	sim_done(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pc_like_map),
		cmocka_unit_test(overlapping_entries),
		cmocka_unit_test(odd_entries),
		cmocka_unit_test(no_usable_ram),
		cmocka_unit_test(contiguous_runs),
		cmocka_unit_test(bad_frees),
		cmocka_unit_test(release_reserved),
		cmocka_unit_test(finds_space_for_bookkeeping),
		cmocka_unit_test(stress_returns_every_frame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
