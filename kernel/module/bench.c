/*
 * make bench figures for the module loader's export lookups (the hashed
 * table of EXPORT_SYMBOL entries), found and missing names alike.
 */
#include <kernel/bench.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/x86.h>
#include "internal.h"

#define BENCH_LOOKUPS 100000

static void bench_symbol_lookup(void)
{
	static const char *const names[] = { "printk", "memcpy", "kmalloc",
		"param_ops_int", "strlcpy", "no_such_symbol" };
	uintptr_t value;
	bool gpl;
	uint64_t start;
	int found = 0;

	start = rdtsc();
	for (int i = 0; i < BENCH_LOOKUPS; i++)
		found += !kernel_symbol_lookup(names[i % ARRAY_SIZE(names)],
					       &value, &gpl);
	bench_report("kernel export lookup", BENCH_LOOKUPS, rdtsc() - start);
	if (!found)
		pr_info("bench: kernel export lookup found nothing\n");
}
BENCH("module symbol lookup", bench_symbol_lookup);
