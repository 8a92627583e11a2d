/*
 * make bench figures for loading a module: the whole load and unload of a
 * module with 10,000 relocations (bigreloc.ko, from the initrd or given to
 * GRUB by make bench), per module and per relocation.
 */
#include <kernel/bench.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/x86.h>

#define BENCH_LOADS 50
#define BENCH_RELOCS 10000	/* in bigreloc.ko, at least */

static void bench_module_load(void)
{
	const void *buf;
	size_t len;
	uint64_t start, load = 0;

	if (module_file("bigreloc", &buf, &len)) {
		pr_info("bench: module load: no bigreloc.ko in the initrd or from GRUB\n");
		return;
	}
	for (int i = 0; i < BENCH_LOADS; i++) {
		start = rdtsc();
		if (load_module("bigreloc", buf, len, NULL)) {
			pr_info("bench: module load: bigreloc failed to load\n");
			return;
		}
		load += rdtsc() - start;
		remove_module("bigreloc");
	}
	bench_report("load of a module with 10,000 relocations (per module)",
		     BENCH_LOADS, load);
	bench_report("load of a module with 10,000 relocations (per relocation)",
		     (uint64_t)BENCH_LOADS * BENCH_RELOCS, load);
}
BENCH("module load", bench_module_load);
