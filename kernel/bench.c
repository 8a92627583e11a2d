/*
 * The benchmark runner: walks the .bench table and times nothing itself;
 * each benchmark measures with the TSC and reports through bench_report(),
 * so every figure in the log has the same form.
 */
#include <kernel/bench.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/time.h>

extern const struct bench __bench_start[], __bench_end[];

static bool bench_enabled;

static int __init bench_setup(const char *val)
{
	bench_enabled = true;
	return 0;
}
__setup("bench", bench_setup);

bool bench_requested(void)
{
	return bench_enabled;
}

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

void bench_run(void)
{
	pr_info("bench: %zu benchmark(s), TSC at %llu kHz\n",
		(size_t)(__bench_end - __bench_start),
		(unsigned long long)tsc_khz());
	bench_value("tsc_khz", tsc_khz(), "TSC rate every time here is from");
	for (const struct bench *b = __bench_start; b < __bench_end; b++) {
		pr_info("bench: running %s\n", b->name);
		b->fn();
	}
	pr_info("bench: done\n");
}
