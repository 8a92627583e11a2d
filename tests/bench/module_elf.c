/*
 * make bench figures for the module file checks under hostile section
 * counts: a 4.2 MB file of 65,000 one-byte sections (refused by its count
 * before any per-section work) and one of the most sections the loader
 * takes, 8,192 (through the O(n log n) overlap check).
 */
#include <kernel/bench.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "../../kernel/module/internal.h"
#include "internal.h"

#define BENCH_MANY_SECTIONS 65000
#define BENCH_SECTION_CHECKS 20

/* Time module_elf_check() on an @n-section file, which it must refuse. */
static void bench_sections(unsigned int n, const char *key, const char *what)
{
	struct load_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	size_t len = module_synth_elf_size(n);
	uint8_t *buf = kmalloc(len, GFP_KERNEL);
	uint64_t start, cycles = 0;

	if (!buf || !info) {
		pr_info("bench: %s: no memory for the file\n", what);
		goto out;
	}
	module_synth_elf(buf, n);
	for (int i = 0; i < BENCH_SECTION_CHECKS; i++) {
		start = rdtsc();
		if (!module_elf_check(info, "sections", buf, len)) {
			pr_info("bench: %s: the file was accepted\n", what);
			goto out;
		}
		cycles += rdtsc() - start;
	}
	bench_report(key, what, BENCH_SECTION_CHECKS, cycles);
	pr_info("bench: %s: refused as \"%s\"\n", what, info->why);
out:
	kfree(buf);
	kfree(info);
}

static void bench_section_checks(void)
{
	bench_sections(BENCH_MANY_SECTIONS, "module_check_65000_sections_ns",
		       "check of a file with 65,000 one-byte sections");
	bench_sections(MODULE_SECTIONS_MAX, "module_check_8192_sections_ns",
		       "check of a file with 8,192 one-byte sections (overlap check)");
}
BENCH("module section checks", bench_section_checks);
