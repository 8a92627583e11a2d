/*
 * make bench figures for the module loader: the whole load and unload of a
 * module with 10,000 relocations (bigreloc.ko, from the initrd or given
 * to GRUB by make bench), per module and per relocation, kernel export
 * lookups, and the section checks of files with tens of thousands of
 * one-byte sections (refused by count, or checked for overlaps).
 */
#include <kernel/bench.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

#define BENCH_LOADS 50
#define BENCH_RELOCS 10000	/* in bigreloc.ko, at least */
#define BENCH_LOOKUPS 100000
#define BENCH_MANY_SECTIONS 65000	/* a 4.2 MB file of one-byte sections */
#define BENCH_SECTION_CHECKS 20

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

/*
 * A relocatable ELF file of @n sections in @buf: the null section, the name
 * table, n - 2 one-byte sections side by side, the headers at the end.
 * Returns its length; @buf must hold bench_elf_size(@n) bytes.
 */
static size_t bench_elf_size(unsigned int n)
{
	return ALIGN_UP(sizeof(Elf64_Ehdr) + 4 + (n - 2), 8) +
	       (size_t)n * sizeof(Elf64_Shdr);
}

static size_t bench_elf_build(uint8_t *buf, unsigned int n)
{
	size_t shoff = ALIGN_UP(sizeof(Elf64_Ehdr) + 4 + (n - 2), 8);
	Elf64_Ehdr *h = (Elf64_Ehdr *)buf;
	Elf64_Shdr *sh = (Elf64_Shdr *)(buf + shoff);

	memset(buf, 0, bench_elf_size(n));
	memcpy(h->e_ident, ELFMAG, SELFMAG);
	h->e_ident[EI_CLASS] = ELFCLASS64;
	h->e_ident[EI_DATA] = ELFDATA2LSB;
	h->e_ident[EI_VERSION] = EV_CURRENT;
	h->e_version = EV_CURRENT;
	h->e_type = ET_REL;
	h->e_machine = EM_X86_64;
	h->e_ehsize = sizeof(Elf64_Ehdr);
	h->e_shentsize = sizeof(Elf64_Shdr);
	h->e_shnum = (uint16_t)n;
	h->e_shstrndx = 1;
	h->e_shoff = shoff;
	memcpy(buf + sizeof(*h), "\0.s", 4);
	sh[1] = (Elf64_Shdr){ .sh_type = SHT_STRTAB, .sh_offset = sizeof(*h),
			      .sh_size = 4, .sh_addralign = 1 };
	for (unsigned int i = 2; i < n; i++)
		sh[i] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_PROGBITS,
				      .sh_offset = sizeof(*h) + 4 + (i - 2),
				      .sh_size = 1, .sh_addralign = 1 };
	return bench_elf_size(n);
}

/* Time module_elf_check() on an @n-section file; it must be refused. */
static void bench_sections(unsigned int n, const char *what)
{
	struct load_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	uint8_t *buf = kmalloc(bench_elf_size(n), GFP_KERNEL);
	uint64_t start, cycles = 0;
	size_t len;

	if (!buf || !info) {
		pr_info("bench: %s: no memory for the file\n", what);
		goto out;
	}
	len = bench_elf_build(buf, n);
	for (int i = 0; i < BENCH_SECTION_CHECKS; i++) {
		start = rdtsc();
		if (!module_elf_check(info, "sections", buf, len)) {
			pr_info("bench: %s: the file was accepted\n", what);
			goto out;
		}
		cycles += rdtsc() - start;
	}
	bench_report(what, BENCH_SECTION_CHECKS, cycles);
	pr_info("bench: %s: refused as \"%s\"\n", what, info->why);
out:
	kfree(buf);
	kfree(info);
}

static void bench_section_checks(void)
{
	bench_sections(BENCH_MANY_SECTIONS,
		       "check of a file with 65,000 one-byte sections");
	bench_sections(MODULE_SECTIONS_MAX,
		       "check of a file with 8,192 one-byte sections (overlap check, per file)");
}
BENCH("module section checks", bench_section_checks);
