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
#include <kernel/export.h>
#include "module_fixture.h"
#include "../bench/internal.h"

#define ST_INFO(bind, type) (((bind) << 4) | (0xf & (type)))

#define SYNTH_NAME ".s"
#define BASE "tests/fixtures/sample-gcc-O2g.ko"

static Elf64_Shdr *shdr(struct fixture *f, unsigned int i)
{
	return (Elf64_Shdr *)((char *)f->buf +
			      ((Elf64_Ehdr *)f->buf)->e_shoff) +
	       i;
}

/* The relocation at @offset in the relocation section @sec. */
static Elf64_Rela *rela_at(struct fixture *f, const char *sec, uint64_t offset)
{
	unsigned int i = fixture_section(f, sec);
	Elf64_Rela *r;

	assert_int_not_equal(i, 0);
	r = (Elf64_Rela *)((char *)f->buf + shdr(f, i)->sh_offset);
	for (size_t k = 0; k < shdr(f, i)->sh_size / sizeof(*r); k++)
		if (r[k].r_offset == offset)
			return &r[k];
	fail_msg("no relocation at %#llx in %s", (unsigned long long)offset,
		 sec);
	return NULL;
}

/* Symbol @name of the file, and its index. */
static Elf64_Sym *symbol(struct fixture *f, const char *name, uint32_t *index)
{
	Elf64_Shdr *s = shdr(f, fixture_section(f, ".symtab"));
	Elf64_Sym *syms = (Elf64_Sym *)((char *)f->buf + s->sh_offset);
	const char *strtab = (char *)f->buf + shdr(f, s->sh_link)->sh_offset;

	for (uint32_t i = 0; i < s->sh_size / sizeof(*syms); i++)
		if (!strcmp(strtab + syms[i].st_name, name)) {
			if (index)
				*index = i;
			return &syms[i];
		}
	fail_msg("no symbol %s", name);
	return NULL;
}

/* Point relocation @r at symbol @name instead, with addend @addend. */
static void retarget(struct fixture *f, Elf64_Rela *r, const char *name,
		     int64_t addend)
{
	uint32_t index;

	symbol(f, name, &index);
	r->r_info = ELF64_R_INFO(index, ELF64_R_TYPE(r->r_info));
	r->r_addend = addend;
}

/* Load @f; expect -ENOEXEC and every @parts in the message. */
static void expect_reject(struct fixture *f, ...)
{
	const char *part;
	va_list ap;

	assert_int_equal(fixture_load(f, f->len), -ENOEXEC);
	va_start(ap, f);
	while ((part = va_arg(ap, const char *)))
		if (!strstr(f->info.why, part))
			fail_msg("message \"%s\" lacks \"%s\"", f->info.why,
				 part);
	va_end(ap);
	fixture_free(f);
}

/*
 * A relocatable ELF file of @n sections: the null section, the name table
 * and n - 2 one-byte PROGBITS sections side by side, headers at the end.
 */
static void *synth_elf(unsigned int n, size_t *len)
{
	void *buf;

	*len = module_synth_elf_size(n);
	buf = aligned_alloc(8, *len);
	assert_non_null(buf);
	module_synth_elf(buf, n);
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

/*
 * A module name as long as the message buffer or longer: cut, never an
 * overrun.  The state is on the heap, where ASan guards its very end (the
 * message buffer is its last field).
 */
static void test_reject_long_name(void **state)
{
	static const size_t lengths[] = { MODULE_WHY_MAX - 1, MODULE_WHY_MAX,
					  MODULE_WHY_MAX + 1, 400 };
	struct load_info *info = malloc(sizeof(*info));
	char name[401];
	size_t len;
	void *buf = synth_elf(4, &len);

	assert_non_null(info);
	((Elf64_Ehdr *)buf)->e_machine = 3;
	for (size_t i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		memset(name, 'x', lengths[i]);
		name[lengths[i]] = '\0';
		assert_int_equal(module_elf_check(info, name, buf, len),
				 -ENOEXEC);
		assert_int_equal(strlen(info->why), MODULE_WHY_MAX - 1);
		assert_int_equal(info->why[0], 'x');
	}
	free(info);
	free(buf);
}

/* Parameter entries whose pointers lead outside the module's own parts. */
static void test_param_pointers(void **state)
{
	struct fixture f;

	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela__param", 0), "fixture_exported", 0);
	expect_reject(&f, "__param entry 0: name",
		      "not in the module's own core read-only data", NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela__param", 8), "ext_func", 0);
	expect_reject(&f, "__param entry 0 (level): type",
		      "is not one the kernel provides", NULL);
	fixture_read(&f, BASE);
	rela_at(&f, ".rela__param", 24)->r_addend = 1 << 20;
	expect_reject(&f, "__param entry 0: variable",
		      "not in the module's own core data", NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela__param", 24), "ext_data", 0);
	expect_reject(&f, "__param entry 0: variable", NULL);
}

/* A NULL or stray export name, an export into init memory. */
static void test_export_pointers(void **state)
{
	struct fixture f;
	const char *rela = ".rela" KSYMTAB_PREFIX "fixture_exported";

	fixture_read(&f, BASE);
	rela_at(&f, rela, 8)->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	expect_reject(&f, "___ksymtab entry 0: name 0", NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, rela, 8), "ext_data", 0);
	expect_reject(&f, "___ksymtab entry 0: name", NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, rela, 0), "fixture_init", 0);
	expect_reject(&f, "___ksymtab entry 0 (fixture_exported): address",
		      "not in the module's core (init memory", NULL);
}

/* Shell command entries: strings in core rodata, the function in core code. */
static void test_shell_cmd_pointers(void **state)
{
	struct fixture f;

	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 24), "counter", 0);
	expect_reject(&f, ".shell_cmds entry 0: function",
		      "not in the module's own core code", NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 24), "ext_func", 0);
	expect_reject(&f, ".shell_cmds entry 0: function 0xffffffff80100000",
		      NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 0), "ext_data", 0);
	expect_reject(&f, ".shell_cmds entry 0: name", "read-only data", NULL);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 16), "fixture_init", 0);
	expect_reject(&f, ".shell_cmds entry 0: help", NULL);
}

/* Load @f with the one table @ops registered; expect success. */
static void expect_load_with(struct fixture *f,
			     const struct module_table_ops *ops)
{
	const struct module_table_ops *const tables[] = { ops };

	f->tables = tables;
	f->num_tables = 1;
	if (fixture_load(f, f->len))
		fail_msg("refused: %s", f->info.why);
	fixture_free(f);
}

/* Load @f with the one table @ops registered; expect -ENOEXEC with @part. */
static void expect_reject_with(struct fixture *f,
			       const struct module_table_ops *ops,
			       const char *part)
{
	const struct module_table_ops *const tables[] = { ops };

	f->tables = tables;
	f->num_tables = 1;
	expect_reject(f, part, NULL);
}

/*
 * A registered table is checked by its description alone, field by field:
 * the loader knows no entry type, so what it checks and the names in its
 * messages come from the registration.
 */
static void test_registered_fields(void **state)
{
	/* .shell_cmds's usage (offset 8) described as code, named "handler". */
	static const struct module_table_field handler[] = {
		{ "handler", 8, MODULE_FIELD_CODE, false },
	};
	/* Only the name: the function at offset 24 goes unchecked. */
	static const struct module_table_field name_only[] = {
		{ "name", 0, MODULE_FIELD_STRING, false },
	};
	struct module_table_ops ops = { .section = ".shell_cmds",
					.entry_size = 40,
					.fields = handler,
					.num_fields = 1 };
	struct fixture f;

	fixture_read(&f, BASE);
	expect_reject_with(&f, &ops, ".shell_cmds entry 0: handler 0x");
	fixture_read(&f, BASE);
	expect_reject_with(&f, &ops, "is not in the module's own core code");

	ops.fields = name_only;
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 24), "counter", 0);
	expect_load_with(&f, &ops);
	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 0), "counter", 0);
	expect_reject_with(&f, &ops, ".shell_cmds entry 0: name");
}

/* A NULL field is refused unless the registration allows it. */
static void test_registered_optional_field(void **state)
{
	static const struct module_table_field help_required[] = {
		{ "help", 16, MODULE_FIELD_STRING, false },
	};
	static const struct module_table_field help_optional[] = {
		{ "help", 16, MODULE_FIELD_STRING, true },
	};
	struct module_table_ops ops = { .section = ".shell_cmds",
					.entry_size = 40,
					.fields = help_required,
					.num_fields = 1 };
	struct fixture f;
	Elf64_Rela *r;

	fixture_read(&f, BASE);
	r = rela_at(&f, ".rela.shell_cmds", 16);
	r->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	expect_reject_with(&f, &ops, ".shell_cmds entry 0: help 0x0 is");
	ops.fields = help_optional;
	fixture_read(&f, BASE);
	r = rela_at(&f, ".rela.shell_cmds", 16);
	r->r_info = ELF64_R_INFO(0, R_X86_64_NONE);
	expect_load_with(&f, &ops);
}

/*
 * The entry size and the section name are the registration's too; with
 * nothing registered, .shell_cmds is plain read-only data.
 */
static void test_registered_size_and_name(void **state)
{
	struct module_table_ops ops = { .section = ".shell_cmds",
					.entry_size = 16 };
	struct fixture f;

	fixture_read(&f, BASE);
	expect_reject_with(&f, &ops,
			   "(.shell_cmds): not a read-only table of 16-byte entries");
	ops.entry_size = 40, ops.section = ".shell_cmd";
	fixture_read(&f, BASE);
	expect_reject_with(&f, &ops,
			   "(.shell_cmds): named like a special table but is not one");

	fixture_read(&f, BASE);
	retarget(&f, rela_at(&f, ".rela.shell_cmds", 24), "counter", 0);
	f.num_tables = 0;
	if (fixture_load(&f, f.len))
		fail_msg("refused: %s", f.info.why);
	fixture_free(&f);
}

/* "__paramZ..." is not the parameter table: refused, not half-trusted. */
static void test_table_lookalike(void **state)
{
	struct fixture f;
	Elf64_Shdr *s;
	char *name;

	fixture_read(&f, BASE);
	s = shdr(&f, fixture_section(&f, "__param"));
	name = (char *)f.buf +
	       shdr(&f, ((Elf64_Ehdr *)f.buf)->e_shstrndx)->sh_offset +
	       s->sh_name;
	name[strlen(name)] = 'Z'; /* runs into the next name */
	expect_reject(&f, "(__paramZ",
		      "named like a special table but is not one", NULL);
}

/* Entry points: functions, and cleanup_module never in init code. */
static void test_entry_points(void **state)
{
	struct fixture f;
	Elf64_Sym *sym;

	fixture_read(&f, BASE);
	symbol(&f, "cleanup_module", NULL)->st_shndx =
		(uint16_t)fixture_section(&f, ".init.text");
	expect_reject(&f, "cleanup_module is in section", "(.init.text)",
		      "not in code that stays", NULL);
	fixture_read(&f, BASE);
	sym = symbol(&f, "init_module", NULL);
	sym->st_info = ST_INFO(STB_GLOBAL, STT_OBJECT);
	expect_reject(&f, "init_module is not a function", NULL);
	fixture_read(&f, BASE);
	sym = symbol(&f, "init_module", NULL);
	sym->st_shndx = (uint16_t)fixture_section(&f, ".data");
	sym->st_value = 0;
	expect_reject(&f, "init_module is in section", "(.data), not in code",
		      NULL);
	fixture_read(&f, BASE);
	sym = symbol(&f, "cleanup_module", NULL);
	sym->st_info = ST_INFO(STB_GLOBAL, STT_OBJECT);
	expect_reject(&f, "cleanup_module is not a function", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_section_count_bounded),
		cmocka_unit_test(test_overlap_among_many),
		cmocka_unit_test(test_reject_long_name),
		cmocka_unit_test(test_param_pointers),
		cmocka_unit_test(test_export_pointers),
		cmocka_unit_test(test_shell_cmd_pointers),
		cmocka_unit_test(test_registered_fields),
		cmocka_unit_test(test_registered_optional_field),
		cmocka_unit_test(test_registered_size_and_name),
		cmocka_unit_test(test_table_lookalike),
		cmocka_unit_test(test_entry_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
