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
#include "internal.h"

#define BENCH_MANY_SECTIONS 65000
#define BENCH_SECTION_CHECKS 20
#define BENCH_NAMES "\0.s"	/* the name table: one name, ".s" */

/* Bytes of a file of @n sections: header, names, the sections, headers. */
static size_t bench_elf_size(unsigned int n)
{
	return ALIGN_UP(sizeof(Elf64_Ehdr) + sizeof(BENCH_NAMES) + (n - 2), 8) +
	       (size_t)n * sizeof(Elf64_Shdr);
}

/*
 * A relocatable ELF file of @n sections in @buf (bench_elf_size(@n)
 * bytes): the null section, the name table and n - 2 one-byte sections
 * side by side, the section headers at the end.
 */
static void bench_elf_build(uint8_t *buf, unsigned int n)
{
	size_t data = sizeof(Elf64_Ehdr) + sizeof(BENCH_NAMES);
	size_t shoff = ALIGN_UP(data + (n - 2), 8);
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
	memcpy(buf + sizeof(*h), BENCH_NAMES, sizeof(BENCH_NAMES));
	sh[1] = (Elf64_Shdr){ .sh_type = SHT_STRTAB, .sh_offset = sizeof(*h),
			      .sh_size = sizeof(BENCH_NAMES), .sh_addralign = 1 };
	for (unsigned int i = 2; i < n; i++)
		sh[i] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_PROGBITS,
				      .sh_offset = data + (i - 2), .sh_size = 1,
				      .sh_addralign = 1 };
}

/* Time module_elf_check() on an @n-section file, which it must refuse. */
static void bench_sections(unsigned int n, const char *key, const char *what)
{
	struct load_info *info = kmalloc(sizeof(*info), GFP_KERNEL);
	uint8_t *buf = kmalloc(bench_elf_size(n), GFP_KERNEL);
	uint64_t start, cycles = 0;

	if (!buf || !info) {
		pr_info("bench: %s: no memory for the file\n", what);
		goto out;
	}
	bench_elf_build(buf, n);
	for (int i = 0; i < BENCH_SECTION_CHECKS; i++) {
		start = rdtsc();
		if (!module_elf_check(info, "sections", buf, bench_elf_size(n))) {
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
