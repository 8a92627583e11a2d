/*
 * Hostile module files against the loader's pure steps: section counts in
 * the tens of thousands, names longer than the message buffer, special
 * tables (exports, parameters, shell commands) whose pointers lead outside
 * the module, and entry points or exports in the wrong place.  Each is
 * refused with a message naming the module, the section and the reason.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include "module_fixture.h"

#define SYNTH_NAME ".s"

/*
 * A relocatable ELF file of @n sections: the null section, the name table
 * and n - 2 one-byte PROGBITS sections side by side, headers at the end.
 */
static void *synth_elf(unsigned int n, size_t *len)
{
	size_t data = sizeof(Elf64_Ehdr) + 4 + (n - 2);
	size_t shoff = ALIGN_UP(data, 8);
	uint8_t *buf;
	Elf64_Ehdr *h;
	Elf64_Shdr *sh;

	*len = shoff + (size_t)n * sizeof(Elf64_Shdr);
	buf = aligned_alloc(8, ALIGN_UP(*len, 8));
	assert_non_null(buf);
	memset(buf, 0, *len);
	h = (Elf64_Ehdr *)buf;
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
	memcpy(buf + sizeof(*h), "\0" SYNTH_NAME, 4);
	sh = (Elf64_Shdr *)(buf + shoff);
	sh[1] = (Elf64_Shdr){ .sh_type = SHT_STRTAB, .sh_offset = sizeof(*h),
			      .sh_size = 4, .sh_addralign = 1 };
	for (unsigned int i = 2; i < n; i++)
		sh[i] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_PROGBITS,
				      .sh_offset = sizeof(*h) + 4 + (i - 2),
				      .sh_size = 1, .sh_addralign = 1 };
	return buf;
}

static void expect_why(const struct load_info *info, const char *part)
{
	if (!strstr(info->why, part))
		fail_msg("message \"%s\" lacks \"%s\"", info->why, part);
}

/* 65,000 sections: refused at once, before any per-section work. */
static void test_section_count_bounded(void **state)
{
	struct load_info info;
	size_t len;
	void *buf = synth_elf(65000, &len);

	assert_int_equal(module_elf_check(&info, "many", buf, len), -ENOEXEC);
	expect_why(&info, "many: 65000 sections, more than the loader takes");
	free(buf);
}

/* The most sections allowed: the overlap check still finds a pair. */
static void test_overlap_among_many(void **state)
{
	struct load_info info;
	size_t len;
	uint8_t *buf = synth_elf(MODULE_SECTIONS_MAX, &len);
	Elf64_Shdr *sh = (Elf64_Shdr *)(buf + ((Elf64_Ehdr *)buf)->e_shoff);

	/* Disjoint: past the overlap check, stopped for want of symbols. */
	assert_int_equal(module_elf_check(&info, "many", buf, len), -ENOEXEC);
	expect_why(&info, "no symbol table");
	sh[MODULE_SECTIONS_MAX - 1].sh_offset = sh[1000].sh_offset;
	assert_int_equal(module_elf_check(&info, "many", buf, len), -ENOEXEC);
	expect_why(&info, "overlaps section");
	expect_why(&info, "(" SYNTH_NAME ")");
	free(buf);
}

/* A module name longer than the message buffer: cut, never overrun. */
static void test_reject_long_name(void **state)
{
	struct load_info info;
	char name[400];
	size_t len;
	void *buf = synth_elf(4, &len);

	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	((Elf64_Ehdr *)buf)->e_machine = 3;
	assert_int_equal(module_elf_check(&info, name, buf, len), -ENOEXEC);
	assert_int_equal(strlen(info.why), sizeof(info.why) - 1);
	assert_int_equal(info.why[0], 'x');
	/* A name that just fits leaves a cut message, still terminated. */
	name[sizeof(info.why) - 3] = '\0';
	assert_int_equal(module_elf_check(&info, name, buf, len), -ENOEXEC);
	assert_int_equal(strlen(info.why), sizeof(info.why) - 1);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_section_count_bounded),
		cmocka_unit_test(test_overlap_among_many),
		cmocka_unit_test(test_reject_long_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
