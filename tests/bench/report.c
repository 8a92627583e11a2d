/*
 * How a benchmark says what it measured: one log line a figure, "bench:
 * KEY = VALUE (what)", which tools/bench.sh collects into bench.json.  The
 * lowest of the benchmark files: every other one reports through it.
 */
#include <kernel/bench.h>
#include <kernel/printk.h>
#include <kernel/time.h>

void bench_report(const char *key, const char *what, uint64_t ops,
		  uint64_t cycles)
{
	uint64_t ns = tsc_to_ns(cycles);

	if (!ns || !ops) {
		pr_info("bench: %s: too fast to measure\n", what);
		return;
	}
	pr_info("bench: %s = %llu.%llu (%s: %llu ops/s)\n", key,
		(unsigned long long)(ns / ops),
		(unsigned long long)(ns * 10 / ops % 10), what,
		(unsigned long long)(ops * NSEC_PER_SEC / ns));
}

void bench_value(const char *key, uint64_t value, const char *what)
{
	pr_info("bench: %s = %llu (%s)\n", key, (unsigned long long)value,
		what);
}
