/*
 * The module loader on real modules: a table of one field per relocation
 * type (assembled by gcc and by clang) checked byte by byte against the
 * psABI formulas; C fixtures built by both compilers at -O0/-O2, with -g,
 * -fno-plt and unwind tables, and the sample modules, each relocation
 * recomputed independently; the layout's parts and permissions.
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
#include <kernel/export.h>
#include <kernel/moduleparam.h>
#include "module_fixture.h"

/* Offsets in relocs.S's "fields" (in .data). */
enum {
	F_64 = 0x00,
	F_PC64 = 0x08,
	F_32 = 0x10,
	F_32S = 0x14,
	F_PC32 = 0x18,
	F_PLT32 = 0x1c,
	F_GOTPCREL = 0x20,
	F_PC32_LOCAL = 0x24,
	F_GOT_SYM = 0x28,
	F_NONE = 0x30,
	F_WEAK = 0x38,
};

static uint64_t get64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

static uint32_t get32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static void check_relocs_table(const char *file)
{
	struct fixture f;
	unsigned int data, rodata;
	uint64_t base, slot;
	const uint8_t *m;

	fixture_read(&f, file);
	assert_int_equal(fixture_load(&f, f.len), 0);
	data = fixture_section(&f, ".data");
	rodata = fixture_section(&f, ".rodata.local");
	base = f.info.sechdrs[data].sh_addr;
	m = module_addr_to_mem(&f.info, base);
	assert_non_null(m);

	assert_int_equal(get64(m + F_64), FIX_EXT_DATA + 0x10);
	assert_int_equal(get64(m + F_PC64), FIX_EXT_FUNC - 8 - (base + F_PC64));
	assert_int_equal(get32(m + F_32), 0x7ffff000u + 4);
	assert_int_equal(get32(m + F_32S), (uint32_t)(FIX_EXT_DATA - 0x20));
	assert_int_equal(get32(m + F_PC32),
			 (uint32_t)(FIX_EXT_FUNC - 4 - (base + F_PC32)));
	assert_int_equal(get32(m + F_PLT32),
			 (uint32_t)(FIX_EXT_FUNC - 4 - (base + F_PLT32)));
	slot = base + F_GOTPCREL +
	       (uint64_t)(int64_t)(int32_t)get32(m + F_GOTPCREL) + 4;
	assert_in_range(slot, f.info.got_addr,
			f.info.got_addr + 8 * (f.info.got_slots - 1));
	assert_int_equal(get64(module_addr_to_mem(&f.info, slot)),
			 FIX_EXT_DATA);
	assert_int_equal(get32(m + F_PC32_LOCAL),
			 (uint32_t)(f.info.sechdrs[rodata].sh_addr + 2 -
				    (base + F_PC32_LOCAL)));
	/* GNU as keeps _GLOBAL_OFFSET_TABLE_; LLVM's drops the name (S = 0). */
	assert_true(get64(m + F_GOT_SYM) == f.info.got_addr ||
		    get64(m + F_GOT_SYM) == 0);
	assert_int_equal(get64(m + F_NONE), 0);
	assert_int_equal(get64(m + F_WEAK), 8);
	/* Two GOT users in .text and one in .data: three slots. */
	assert_int_equal(f.info.got_slots, 3);
	assert_int_equal(fixture_check_relocations(&f), 15);
	fixture_free(&f);
}

static void test_relocs_gcc(void **state)
{
	check_relocs_table("tests/fixtures/relocs-gcc.ko");
}

static void test_relocs_clang(void **state)
{
	check_relocs_table("tests/fixtures/relocs-clang.ko");
}

/* Every section the loader kept is in the part its flags ask for. */
static void check_parts(struct fixture *f)
{
	struct load_info *info = &f->info;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];
		const char *name = module_section_name(info, i);
		bool init = !strncmp(name, ".init.", 6);
		const struct module_region *r =
			&info->region[init ? MOD_INIT : MOD_CORE];
		uint64_t off;

		if (!module_section_loaded(info, i))
			continue;
		assert_true(s->sh_addr >= r->addr);
		off = s->sh_addr - r->addr;
		assert_true(off + s->sh_size <= r->size);
		if (s->sh_flags & SHF_EXECINSTR)
			assert_true(off + s->sh_size <= r->text_size);
		else if (s->sh_flags & SHF_WRITE)
			assert_true(off >= r->ro_size);
		else
			assert_true(off >= r->text_size &&
				    off + s->sh_size <= r->ro_size);
		if (s->sh_addralign > 1)
			assert_int_equal(s->sh_addr % s->sh_addralign, 0);
	}
}

static void check_sample(const char *file)
{
	struct fixture f;
	unsigned int eh;
	const struct module_region *init;

	fixture_read(&f, file);
	if (fixture_load(&f, f.len))
		fail_msg("%s: %s", file, f.info.why);
	assert_true(fixture_check_relocations(&f) > 10);
	check_parts(&f);
	/* __init code: init_module runs from the init region. */
	init = &f.info.region[MOD_INIT];
	assert_in_range(f.init, init->addr, init->addr + init->text_size - 1);
	assert_in_range(f.exit, f.info.region[MOD_CORE].addr,
			f.info.region[MOD_CORE].addr +
				f.info.region[MOD_CORE].text_size - 1);
	assert_int_equal(f.info.num_ksyms, 1);
	assert_int_equal(f.info.num_params, 1);
	assert_int_not_equal(module_find_symbol(&f.info, "fixture_exported"),
			     0);
	/* Debug info and unwind tables stay in the file. */
	eh = fixture_section(&f, ".eh_frame");
	if (eh)
		assert_false(module_section_loaded(&f.info, eh));
	if (fixture_section(&f, ".debug_info"))
		assert_false(
			module_section_loaded(&f.info,
					      fixture_section(&f,
							      ".debug_info")));
	assert_string_equal(modinfo_get(f.info.modinfo, f.info.modinfo_size,
					"license", 0),
			    "GPL");
	assert_string_equal(modinfo_get(f.info.modinfo, f.info.modinfo_size,
					"parmtype", 0),
			    "level:int");
	fixture_free(&f);
}

/* One fixture a line, as a table. */
/* clang-format off */
static void test_gcc_O0(void **state) { check_sample("tests/fixtures/sample-gcc-O0.ko"); }
static void test_gcc_O2g(void **state) { check_sample("tests/fixtures/sample-gcc-O2g.ko"); }
static void test_gcc_O2noplt(void **state) { check_sample("tests/fixtures/sample-gcc-O2noplt.ko"); }
static void test_gcc_unwind(void **state) { check_sample("tests/fixtures/sample-gcc-unwind.ko"); }
static void test_clang_O0(void **state) { check_sample("tests/fixtures/sample-clang-O0.ko"); }
static void test_clang_O2g(void **state) { check_sample("tests/fixtures/sample-clang-O2g.ko"); }
static void test_clang_O2noplt(void **state) { check_sample("tests/fixtures/sample-clang-O2noplt.ko"); }
/* clang-format on */

/* The sample modules as the build made them, with their .modinfo. */
static void test_sample_modules(void **state)
{
	static const char *const names[] = {
		"hello",  "initdata", "exporter",  "importer", "params",
		"twoobj", "rawinit",  "permanent", "failinit"
	};
	char path[128];

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		struct fixture f;

		snprintf(path, sizeof(path), "modules/%s.ko", names[i]);
		fixture_read(&f, path);
		if (fixture_load(&f, f.len))
			fail_msg("%s: %s", path, f.info.why);
		assert_true(fixture_check_relocations(&f) > 0);
		check_parts(&f);
		assert_string_equal(modinfo_get(f.info.modinfo,
						f.info.modinfo_size, "name", 0),
				    names[i]);
		assert_non_null(modinfo_get(f.info.modinfo, f.info.modinfo_size,
					    "vermagic", 0));
		assert_int_equal(f.exit == 0, !strcmp(names[i], "permanent"));
		fixture_free(&f);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relocs_gcc),
		cmocka_unit_test(test_relocs_clang),
		cmocka_unit_test(test_gcc_O0),
		cmocka_unit_test(test_gcc_O2g),
		cmocka_unit_test(test_gcc_O2noplt),
		cmocka_unit_test(test_gcc_unwind),
		cmocka_unit_test(test_clang_O0),
		cmocka_unit_test(test_clang_O2g),
		cmocka_unit_test(test_clang_O2noplt),
		cmocka_unit_test(test_sample_modules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
