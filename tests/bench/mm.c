/*
 * Allocator benchmarks for make bench: kmalloc+kfree pairs of 16 B, 256 B
 * and 4 KiB, and frame_alloc+frame_free pairs, timed with the TSC.
 */
#include <kernel/bench.h>
#include <kernel/mm.h>
#include <kernel/x86.h>

#define BENCH_ROUNDS 200000

static void bench_kmalloc_size(const char *key, const char *what, size_t size)
{
	uint64_t start, cycles;

	kfree(kmalloc(size, GFP_KERNEL)); /* warm: the slab exists */
	start = rdtsc();
	for (int i = 0; i < BENCH_ROUNDS; i++)
		kfree(kmalloc(size, GFP_KERNEL));
	cycles = rdtsc() - start;
	bench_report(key, what, BENCH_ROUNDS, cycles);
}

static void bench_kmalloc(void)
{
	bench_kmalloc_size("kmalloc_16_ns", "kmalloc+kfree 16 B", 16);
	bench_kmalloc_size("kmalloc_256_ns", "kmalloc+kfree 256 B", 256);
	bench_kmalloc_size("kmalloc_4k_ns", "kmalloc+kfree 4 KiB", 4096);
}
BENCH("kmalloc", bench_kmalloc);

static void bench_frames(void)
{
	uint64_t start = rdtsc();

	for (int i = 0; i < BENCH_ROUNDS; i++)
		frame_free(frame_alloc());
	bench_report("frame_ns", "frame_alloc+frame_free", BENCH_ROUNDS,
		     rdtsc() - start);
}
BENCH("frames", bench_frames);
