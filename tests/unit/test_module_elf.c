/*
 * Module validation: a real module (built by the Makefile) broken one way
 * at a time -- truncated, wrong identity or machine, sections past the end,
 * overlapping or badly aligned, bad symbol and relocation indices,
 * relocation overflow, unknown relocation types, common and unknown
 * symbols -- each rejected with a message naming the module, the section
 * and the reason; and a module with no init_module, accepted as in Linux.
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

#define BASE "tests/fixtures/sample-gcc-O2g.ko"

static Elf64_Ehdr *ehdr(struct fixture *f)
{
	return f->buf;
}

/* The first relocation of section @name (".rela.text"). */
static Elf64_Rela *first_rela(struct fixture *f, const char *name)
{
	unsigned int i = fixture_section(f, name);

	assert_int_not_equal(i, 0);
	return (Elf64_Rela *)((char *)f->buf + fixture_shdr(f, i)->sh_offset);
}

/* Load @f (first @len bytes); expect @err and every @parts in the message. */
static void expect_reject(struct fixture *f, size_t len, int err, ...)
{
	const char *part;
	va_list ap;

	assert_int_equal(fixture_load(f, len), err);
	assert_true(!strncmp(f->info.why, "fixture: ", 9));
	va_start(ap, err);
	while ((part = va_arg(ap, const char *)))
		if (!strstr(f->info.why, part))
			fail_msg("message \"%s\" lacks \"%s\"", f->info.why,
				 part);
	va_end(ap);
	fixture_free(f);
}

static void test_valid_base(void **state)
{
	struct fixture f;

	fixture_read(&f, BASE);
	assert_int_equal(fixture_load(&f, f.len), 0);
	assert_string_equal(f.info.why, "");
	fixture_free(&f);
}

static void test_truncated(void **state)
{
	struct fixture f;

	fixture_read(&f, BASE);
	expect_reject(&f, 40, -ENOEXEC, "too short for an ELF header", NULL);
	fixture_read(&f, BASE);
	/* Cut in the middle: the section headers (at the end) are gone. */
	expect_reject(&f, f.len / 2, -ENOEXEC, "section headers",
		      "outside the file", NULL);
}

static void test_identity(void **state)
{
	struct fixture f;

	fixture_read(&f, BASE);
	ehdr(&f)->e_ident[1] = 'X';
	expect_reject(&f, f.len, -ENOEXEC, "not an ELF file", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_ident[EI_CLASS] = 1;
	expect_reject(&f, f.len, -ENOEXEC, "not a 64-bit ELF file", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_ident[EI_DATA] = 2;
	expect_reject(&f, f.len, -ENOEXEC, "not little-endian", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_machine = 3; /* EM_386 */
	expect_reject(&f, f.len, -ENOEXEC, "machine 3, not x86-64", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_type = 2; /* ET_EXEC */
	expect_reject(&f, f.len, -ENOEXEC, "not a relocatable object", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_shentsize = 32;
	expect_reject(&f, f.len, -ENOEXEC, "unexpected header sizes", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_shstrndx = ehdr(&f)->e_shnum;
	expect_reject(&f, f.len, -ENOEXEC, "section name table index",
		      "out of range", NULL);
	fixture_read(&f, BASE);
	ehdr(&f)->e_shnum = 0;
	expect_reject(&f, f.len, -ENOEXEC, "unsupported section count 0", NULL);
}

static void test_section_past_end(void **state)
{
	struct fixture f;
	unsigned int text;

	fixture_read(&f, BASE);
	text = fixture_section(&f, ".text");
	fixture_shdr(&f, text)->sh_offset = f.len - 4;
	expect_reject(&f, f.len, -ENOEXEC, "(.text)",
		      "past the end of the file", NULL);
	fixture_read(&f, BASE);
	/* An offset + size that wraps around must not pass as small. */
	fixture_shdr(&f, text)->sh_size = ~0ull - 8;
	expect_reject(&f, f.len, -ENOEXEC, "(.text)",
		      "past the end of the file", NULL);
}

static void test_alignment_and_overlap(void **state)
{
	struct fixture f;
	unsigned int text, data;

	fixture_read(&f, BASE);
	data = fixture_section(&f, ".data");
	fixture_shdr(&f, data)->sh_addralign = 12;
	expect_reject(&f, f.len, -ENOEXEC, "(.data)",
		      "alignment 12 is not a power of two", NULL);
	fixture_read(&f, BASE);
	text = fixture_section(&f, ".text");
	fixture_shdr(&f, data)->sh_offset = fixture_shdr(&f, text)->sh_offset;
	expect_reject(&f, f.len, -ENOEXEC, "overlaps section", NULL);
	fixture_read(&f, BASE);
	/* The symbol table over the relocations it would rewrite. */
	fixture_shdr(&f, fixture_section(&f, ".symtab"))->sh_offset =
		fixture_shdr(&f, fixture_section(&f, ".rela.text"))->sh_offset;
	expect_reject(&f, f.len, -ENOEXEC, "overlaps section", NULL);
	fixture_read(&f, BASE);
	fixture_shdr(&f, data)->sh_addralign = 1 << 16;
	expect_reject(&f, f.len, -ENOEXEC, "(.data)", "too large", NULL);
	fixture_read(&f, BASE);
	fixture_shdr(&f, data)->sh_flags |= SHF_EXECINSTR;
	expect_reject(&f, f.len, -ENOEXEC,
		      "(.data) is both writable and executable", NULL);
}

static void test_bad_symbol_index(void **state)
{
	struct fixture f;
	Elf64_Rela *r;

	fixture_read(&f, BASE);
	r = first_rela(&f, ".rela.text");
	r->r_info = ELF64_R_INFO(912, ELF64_R_TYPE(r->r_info));
	expect_reject(&f, f.len, -ENOEXEC, "(.rela.text)",
		      "symbol index 912 out of range (symtab has", NULL);
}

static void test_symbol_fields(void **state)
{
	struct fixture f;

	fixture_read(&f, BASE);
	fixture_symbol(&f, "fixture_exported")->st_shndx = 0x7000;
	expect_reject(&f, f.len, -ENOEXEC, "(.symtab)",
		      "(fixture_exported): section index 28672 out of range",
		      NULL);
	fixture_read(&f, BASE);
	fixture_symbol(&f, "fixture_exported")->st_name = 0x7fffffff;
	expect_reject(&f, f.len, -ENOEXEC, "(.symtab)",
		      "name offset 2147483647 outside the string table", NULL);
	fixture_read(&f, BASE);
	fixture_symbol(&f, "fixture_exported")->st_value = 1 << 30;
	expect_reject(&f, f.len, -ENOEXEC, "(fixture_exported)",
		      "past the end of its section", NULL);
}

static void test_reloc_offset_past_section(void **state)
{
	struct fixture f;
	Elf64_Rela *r;

	fixture_read(&f, BASE);
	r = first_rela(&f, ".rela.text");
	r->r_offset =
		fixture_shdr(&f, fixture_section(&f, ".text"))->sh_size - 2;
	expect_reject(&f, f.len, -ENOEXEC, "(.rela.text)",
		      "past the end of section", "(.text", NULL);
}

static void test_unknown_reloc_type(void **state)
{
	struct fixture f;
	Elf64_Rela *r;

	fixture_read(&f, BASE);
	r = first_rela(&f, ".rela.text");
	r->r_info = ELF64_R_INFO(ELF64_R_SYM(r->r_info), R_X86_64_TPOFF32);
	expect_reject(&f, f.len, -ENOEXEC, "(.rela.text)",
		      "R_X86_64_TPOFF32 relocation at offset", "not supported",
		      NULL);
	fixture_read(&f, BASE);
	r = first_rela(&f, ".rela.text");
	r->r_info = ELF64_R_INFO(ELF64_R_SYM(r->r_info), 200);
	expect_reject(&f, f.len, -ENOEXEC, "type 200 relocation",
		      "not supported", NULL);
	/* The same from a compiler: thread-local storage. */
	fixture_read(&f, "tests/fixtures/tls.ko");
	expect_reject(&f, f.len, -ENOEXEC, "R_X86_64_TPOFF32 relocation",
		      "against symbol tls_counter", "not supported", NULL);
}

/*
 * A relocation against a symbol of a section the module does not load
 * (.comment) is refused, and the message names the symbol and that
 * section by index and name: an index, not a value to relocate with.
 */
static void test_reloc_symbol_not_loaded(void **state)
{
	unsigned int comment, symtab;
	struct fixture f;
	Elf64_Sym *sym;
	Elf64_Rela *r;
	char where[80];

	fixture_read(&f, BASE);
	comment = fixture_section(&f, ".comment");
	assert_int_not_equal(comment, 0);
	symtab = fixture_section(&f, ".symtab");
	sym = fixture_symbol(&f, "fixture_exported");
	sym->st_shndx = (uint16_t)comment;
	sym->st_value = 0;
	r = first_rela(&f, ".rela.text");
	r->r_info = ELF64_R_INFO(sym - (Elf64_Sym *)((char *)f.buf +
						     fixture_shdr(&f, symtab)
							     ->sh_offset),
				 ELF64_R_TYPE(r->r_info));
	snprintf(where, sizeof(where),
		 "the symbol is in section %u (.comment), which is not loaded",
		 comment);
	assert_int_equal(fixture_load(&f, f.len), -ENOEXEC);
	if (!strstr(f.info.why, "against symbol fixture_exported: ") ||
	    !strstr(f.info.why, where) || strstr(f.info.why, "value"))
		fail_msg("message \"%s\" does not say \"%s\" alone", f.info.why,
			 where);
	fixture_free(&f);
}

static void test_reloc_overflow(void **state)
{
	struct fixture f;

	fixture_read(&f, "tests/fixtures/smallmodel.ko");
	expect_reject(&f, f.len, -ENOEXEC, "(.rela.text)",
		      "R_X86_64_32 relocation", "against symbol ext_data",
		      "overflows 32 bits",
		      "likely not built with -mcmodel=kernel", NULL);
}

static void test_common_unknown(void **state)
{
	struct fixture f;

	fixture_read(&f, "tests/fixtures/common.ko");
	expect_reject(&f, f.len, -ENOEXEC, "shared is a common symbol",
		      "-fno-common", NULL);
	fixture_read(&f, "tests/fixtures/unknown.ko");
	expect_reject(&f, f.len, -ENOENT, "Unknown symbol missing_function",
		      NULL);
}

/* As in Linux, init_module and cleanup_module are both optional. */
static void test_noinit_accepted(void **state)
{
	struct fixture f;

	fixture_read(&f, "tests/fixtures/noinit.ko");
	assert_int_equal(fixture_load(&f, f.len), 0);
	assert_string_equal(f.info.why, "");
	assert_int_equal(f.init, 0);
	assert_int_equal(f.exit, 0);
	fixture_free(&f);
}

static void test_modinfo_unterminated(void **state)
{
	struct fixture f;
	Elf64_Shdr *s;

	fixture_read(&f, BASE);
	s = fixture_shdr(&f, fixture_section(&f, ".modinfo"));
	((char *)f.buf)[s->sh_offset + s->sh_size - 1] = 'x';
	expect_reject(&f, f.len, -ENOEXEC, "(.modinfo)", "not NUL-terminated",
		      NULL);
}

/*
 * Found by fuzz_module_elf: a file without .modinfo made the tag lookup
 * add 0 to a NULL pointer (undefined behaviour).  It has no tags, and no
 * version magic: the vermagic check refuses it.
 */
static void test_no_modinfo(void **state)
{
	struct fixture f;
	Elf64_Shdr *names;
	unsigned int i;

	fixture_read(&f, BASE);
	i = fixture_section(&f, ".modinfo");
	assert_int_not_equal(i, 0);
	names = fixture_shdr(&f, ehdr(&f)->e_shstrndx);
	((char *)f.buf)[names->sh_offset + fixture_shdr(&f, i)->sh_name + 1] =
		'x';
	assert_int_equal(module_elf_check(&f.info, "fixture", f.buf, f.len), 0);
	assert_null(f.info.modinfo);
	assert_null(
		modinfo_get(f.info.modinfo, f.info.modinfo_size, "license", 0));
	assert_int_equal(module_check_vermagic(&f.info), -ENOEXEC);
	assert_non_null(strstr(f.info.why, "version magic '(none)'"));
	fixture_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_base),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_section_past_end),
		cmocka_unit_test(test_alignment_and_overlap),
		cmocka_unit_test(test_bad_symbol_index),
		cmocka_unit_test(test_symbol_fields),
		cmocka_unit_test(test_reloc_offset_past_section),
		cmocka_unit_test(test_unknown_reloc_type),
		cmocka_unit_test(test_reloc_symbol_not_loaded),
		cmocka_unit_test(test_reloc_overflow),
		cmocka_unit_test(test_common_unknown),
		cmocka_unit_test(test_noinit_accepted),
		cmocka_unit_test(test_modinfo_unterminated),
		cmocka_unit_test(test_no_modinfo),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
