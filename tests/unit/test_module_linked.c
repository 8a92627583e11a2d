/*
 * What the loader trusts in a linked module besides its tables: the slot
 * it writes THIS_MODULE into, the constructors it calls before
 * init_module, the symbol types it can link (no indirect functions) and
 * the name a module gives itself.  Each hostile form is refused, naming
 * the symbol, section or name and why.
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

#define HELLO "modules/hello.ko"
#define CTOR "tests/fixtures/ctor.ko"
#define THIS_MODULE_SYMBOL "__this_module"
#define ST_INFO(bind, type) (((bind) << 4) | (0xf & (type)))

static void expect_why(const struct fixture *f, const char *part)
{
	if (!strstr(f->info.why, part))
		fail_msg("message \"%s\" lacks \"%s\"", f->info.why, part);
}

/* Load @f, which must link, and ask for its __this_module slot. */
static int this_module_slot(struct fixture *f, void **slot)
{
	if (fixture_load(f, f->len))
		fail_msg("refused: %s", f->info.why);
	return module_writable_symbol(&f->info, THIS_MODULE_SYMBOL,
				      sizeof(struct module), slot);
}

/* hello.ko as the build makes it: __this_module is a struct module in .bss. */
static void test_this_module_in_bss(void **state)
{
	const struct module_region *core;
	struct fixture f;
	void *slot;

	fixture_read(&f, HELLO);
	assert_int_equal(this_module_slot(&f, &slot), 0);
	core = &f.info.region[MOD_CORE];
	assert_ptr_equal(slot, (char *)core->mem + core->ro_size);
	fixture_free(&f);
}

/*
 * The reproducer: __this_module moved onto cleanup_module, whose bytes
 * the loader would overwrite with the module's struct module.
 */
static void test_this_module_on_code(void **state)
{
	const Elf64_Sym *exit;
	Elf64_Sym *sym;
	struct fixture f;
	void *slot = &f;

	fixture_read(&f, HELLO);
	exit = fixture_symbol(&f, "cleanup_module");
	sym = fixture_symbol(&f, THIS_MODULE_SYMBOL);
	sym->st_shndx = exit->st_shndx;
	sym->st_value = exit->st_value;
	assert_int_equal(this_module_slot(&f, &slot), -ENOEXEC);
	assert_null(slot);
	expect_why(&f, "fixture: __this_module is in section 4 (.exit.text), "
		       "not in writable data");
	fixture_free(&f);

	fixture_read(&f, HELLO);
	fixture_symbol(&f, THIS_MODULE_SYMBOL)->st_shndx =
		(uint16_t)fixture_section(&f, ".rodata.str1.1");
	assert_int_equal(this_module_slot(&f, &slot), -ENOEXEC);
	expect_why(&f, "(.rodata.str1.1), not in writable data");
	fixture_free(&f);

	fixture_read(&f, HELLO);
	fixture_symbol(&f, THIS_MODULE_SYMBOL)->st_shndx =
		(uint16_t)fixture_section(&f, ".init.text");
	assert_int_equal(this_module_slot(&f, &slot), -ENOEXEC);
	expect_why(&f, "(.init.text), not in writable data");
	fixture_free(&f);
}

/* In data but smaller than a struct module, or not aligned for one. */
static void test_this_module_too_small(void **state)
{
	char want[128];
	struct fixture f;
	void *slot;

	fixture_read(&f, HELLO);
	fixture_symbol(&f, THIS_MODULE_SYMBOL)->st_size = 4;
	assert_int_equal(this_module_slot(&f, &slot), -ENOEXEC);
	snprintf(want, sizeof(want),
		 "__this_module in section 9 (.bss) is 4 bytes, too small for "
		 "the %zu the loader writes there",
		 sizeof(struct module));
	expect_why(&f, want);
	fixture_free(&f);

	fixture_read(&f, HELLO);
	fixture_symbol(&f, THIS_MODULE_SYMBOL)->st_value = 4;
	assert_int_equal(this_module_slot(&f, &slot), -ENOEXEC);
	expect_why(&f, "is not 8-byte aligned");
	fixture_free(&f);
}

/* An indirect function, defined or referred to, is refused by name. */
static void test_ifunc_refused(void **state)
{
	struct fixture f;
	Elf64_Sym *sym;

	fixture_read(&f, "tests/fixtures/ifunc.ko");
	assert_int_equal(fixture_load(&f, f.len), -ENOEXEC);
	expect_why(&f, "fixture: answer is an indirect function "
		       "(STT_GNU_IFUNC)");
	fixture_free(&f);

	fixture_read(&f, HELLO);
	sym = fixture_symbol(&f, "printk");
	sym->st_info = ST_INFO(STB_GLOBAL, STT_GNU_IFUNC);
	assert_int_equal(fixture_load(&f, f.len), -ENOEXEC);
	expect_why(&f, "printk is an indirect function");
	fixture_free(&f);
}

/* The constructor is found, and points at the module's ctor_set(). */
static void test_ctors_found(void **state)
{
	struct fixture f;
	uint64_t addr, fn;
	size_t count;

	fixture_read(&f, CTOR);
	assert_int_equal(fixture_load(&f, f.len), 0);
	assert_int_equal(module_find_ctors(&f.info, &addr, &count), 0);
	assert_int_equal(count, 1);
	memcpy(&fn, module_addr_to_mem(&f.info, addr), sizeof(fn));
	/* The symbol table holds run addresses once symbols are resolved. */
	assert_int_equal(fn, fixture_symbol(&f, "ctor_set")->st_value);
	fixture_free(&f);

	fixture_read(&f, HELLO);
	assert_int_equal(fixture_load(&f, f.len), 0);
	assert_int_equal(module_find_ctors(&f.info, &addr, &count), 0);
	assert_int_equal(count, 0);
	fixture_free(&f);
}

/* A constructor entry that points at data is refused before it is called. */
static void test_ctor_outside_code(void **state)
{
	unsigned int rela;
	Elf64_Rela *r;
	struct fixture f;
	uint64_t addr;
	size_t count;

	fixture_read(&f, CTOR);
	rela = fixture_section(&f, ".rela.init_array");
	assert_int_not_equal(rela, 0);
	r = (Elf64_Rela *)((char *)f.buf + fixture_shdr(&f, rela)->sh_offset);
	r->r_addend = 1 << 20;
	assert_int_equal(fixture_load(&f, f.len), 0);
	assert_int_equal(module_find_ctors(&f.info, &addr, &count), -ENOEXEC);
	expect_why(&f, "(.init_array) entry 0: constructor 0x");
	expect_why(&f, "is not in the module's code");
	fixture_free(&f);
}

/* Overwrite the first .modinfo string of @f with @text (which must fit). */
static void set_modinfo(struct fixture *f, const char *text, size_t len)
{
	Elf64_Shdr *s = fixture_shdr(f, fixture_section(f, ".modinfo"));
	char *p = (char *)f->buf + s->sh_offset;

	assert_true(len < strlen(p));
	memset(p, 0, strlen(p));
	memcpy(p, text, len);
	memcpy(f->orig, f->buf, f->len);
}

/* Only what KBUILD_MODNAME can hold names a module: a/b or x.ko cannot. */
static void test_module_names(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *why;
	} bad[] = {
		{ "name=a/b", 8, "bad module name 'a/b' (.modinfo name=)" },
		{ "name=x.ko", 9, "bad module name 'x.ko'" },
		{ "name=\033[2J", 9, "bad module name '\\033[2J'" },
		{ "name=", 5, "bad module name ''" },
	};
	char too_long[MODULE_NAME_LEN + 1];
	struct fixture f;

	memset(too_long, 'q', MODULE_NAME_LEN);
	too_long[MODULE_NAME_LEN] = '\0';
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		fixture_read(&f, HELLO);
		set_modinfo(&f, bad[i].text, bad[i].len);
		assert_int_equal(module_elf_check(&f.info, "fixture", f.buf,
						  f.len),
				 0);
		assert_int_equal(module_check_name(&f.info,
						   modinfo_get(f.info.modinfo,
							       f.info.modinfo_size,
							       "name", 0),
						   ".modinfo name="),
				 -ENOEXEC);
		expect_why(&f, bad[i].why);
		expect_why(&f,
			   "a module name is 1 to 55 letters, digits and '_'");
		fixture_free(&f);
	}
	fixture_read(&f, HELLO);
	assert_int_equal(module_elf_check(&f.info, "fixture", f.buf, f.len), 0);
	assert_int_equal(module_check_name(&f.info, "hello-2", "file name"), 0);
	assert_int_equal(module_check_name(&f.info, "Hello_2", "file name"), 0);
	assert_int_equal(module_check_name(&f.info, too_long + 1, "file name"),
			 0);
	assert_int_equal(module_check_name(&f.info, too_long, "file name"),
			 -ENOEXEC);
	expect_why(&f, "(file name)");
	fixture_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_this_module_in_bss),
		cmocka_unit_test(test_this_module_on_code),
		cmocka_unit_test(test_this_module_too_small),
		cmocka_unit_test(test_ifunc_refused),
		cmocka_unit_test(test_ctors_found),
		cmocka_unit_test(test_ctor_outside_code),
		cmocka_unit_test(test_module_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
