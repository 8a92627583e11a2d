/*
 * In-kernel benchmarks.  Any file registers one with BENCH(); booting with
 * "bench" on the command line (make bench) runs them all after boot, prints
 * their figures in the log and powers QEMU off.  Not tests: nothing fails.
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

#include <kernel/types.h>

struct bench {
	const char *name;
	void (*fn)(void);
};

/* BENCH - put @bfn, called "@bname", in the .bench table (linker.ld). */
#define BENCH(bname, bfn)                                                   \
	static const struct bench __bench_##bfn __used __section(".bench") \
		__aligned(8) = { bname, bfn }

/*
 * bench_report - log "bench: @what: N ops/s (M ns/op)" for @ops operations
 * that took @cycles TSC ticks.
 */
void bench_report(const char *what, uint64_t ops, uint64_t cycles);

/* bench_requested - "bench" was on the command line. */
bool bench_requested(void);

/* bench_run - run every registered benchmark in table order. */
void bench_run(void);

#endif
