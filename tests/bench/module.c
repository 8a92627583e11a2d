/*
 * make bench figures for the module loader: kernel export lookups (the
 * hashed table of EXPORT_SYMBOL entries, found and missing names alike)
 * and the init memory the boot-time modules gave back.  Loading whole
 * modules is measured in module_load.c.
 */
#include <kernel/bench.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/x86.h>
#include "../../kernel/module/internal.h"

#define BENCH_LOOKUPS 100000

static void bench_symbol_lookup(void)
{
	static const char *const names[] = { "printk",	"memcpy",
					     "kmalloc", "param_ops_int",
					     "strlcpy", "no_such_symbol" };
	uintptr_t value;
	bool gpl;
	uint64_t start;
	int found = 0;

	start = rdtsc();
	for (int i = 0; i < BENCH_LOOKUPS; i++)
		found += !kernel_symbol_lookup(names[i % ARRAY_SIZE(names)],
					       &value, &gpl);
	bench_report("symbol_lookup_ns", "kernel export lookup", BENCH_LOOKUPS,
		     rdtsc() - start);
	if (!found)
		pr_info("bench: kernel export lookup found nothing\n");
}
BENCH("module symbol lookup", bench_symbol_lookup);

static void add_init_size(struct module *mod, void *arg)
{
	*(size_t *)arg += mod->init_size;
}

static void bench_module_init_freed(void)
{
	size_t bytes = 0;

	module_for_each(add_init_size, &bytes);
	bench_value("module_init_freed_kib", bytes >> 10,
		    "init memory the loaded modules gave back");
}
BENCH("module init memory", bench_module_init_freed);
