/*
 * In-kernel benchmarks, built only into the kernel make bench boots
 * (tests/bench/).  Each registers with BENCH(); booting with "bench" on the
 * command line runs them all after boot, prints their figures in the log
 * and powers QEMU off.  Not tests: nothing fails.
 */
#ifndef KERNEL_BENCH_H
#define KERNEL_BENCH_H

#include <kernel/types.h>

struct bench {
	const char *name;
	void (*fn)(void);
};

/* BENCH - put @bfn, called "@bname", in the .bench table (linker.ld). */
#define BENCH(bname, bfn)                                                  \
	static const struct bench __bench_##bfn __used __section(".bench") \
		__aligned(8) = { bname, bfn }

/*
 * Every figure is one log line "bench: KEY = VALUE (what it is)", which
 * tools/bench.sh collects into build/bench.json under KEY.
 *
 * bench_report - log "bench: @key = M (@what: N ops/s)": M is the time in
 * ns per operation, for @ops operations that took @cycles TSC ticks.
 */
void bench_report(const char *key, const char *what, uint64_t ops,
		  uint64_t cycles);

/* bench_value - log "bench: @key = @value (@what)". */
void bench_value(const char *key, uint64_t value, const char *what);

#endif
