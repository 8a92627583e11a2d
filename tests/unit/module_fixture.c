/*
 * Helpers for the module loader's unit tests (see module_fixture.h).  The
 * expected value of each relocation is computed here from the psABI
 * formulas, separately from kernel/module/reloc.c.
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
#include <kernel/shell.h>
#include "../../kernel/shell/cmd_fields.h"
#include "module_fixture.h"

/* .shell_cmds, described as the shell registers it (kernel/shell/table.c). */
const struct module_table_ops fixture_shell_table = {
	.section = ".shell_cmds",
	.entry_size = sizeof(struct shell_cmd),
	.fields = shell_cmd_fields,
	.num_fields = SHELL_CMD_NUM_FIELDS,
};

static const struct module_table_ops *const fixture_tables[] = {
	&fixture_shell_table,
};

void fixture_read(struct fixture *f, const char *path)
{
	const char *build = getenv("BUILD");
	char full[512];
	FILE *fp;
	long n;

	memset(f, 0, sizeof(*f));
	snprintf(full, sizeof(full), "%s/%s", build ? build : "build", path);
	fp = fopen(full, "rb");
	if (!fp)
		fail_msg("cannot open %s", full);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	f->len = (size_t)n;
	f->buf = aligned_alloc(8, ALIGN_UP(f->len, 8) + 8);
	f->orig = malloc(f->len);
	assert_non_null(f->buf);
	assert_int_equal(fread(f->buf, 1, f->len, fp), f->len);
	memcpy(f->orig, f->buf, f->len);
	fclose(fp);
	f->tables = fixture_tables;
	f->num_tables = 1;
}

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

int fixture_resolve(struct load_info *info, const char *name, uint64_t *value,
		    void *ctx)
{
	if (!strcmp(name, "ext_func"))
		*value = FIX_EXT_FUNC;
	else if (!strcmp(name, "ext_data"))
		*value = FIX_EXT_DATA;
	else if (!strncmp(name, "missing_", 8) ||
		 !strncmp(name, "weak_missing", 12))
		return -ENOENT;
	else
		*value = 0xffffffff80000000ull + (name_hash(name) & 0x3ffff0);
	return 0;
}

static int alloc_regions(struct load_info *info)
{
	static const uint64_t addr[MOD_REGIONS] = { FIX_CORE_ADDR,
						    FIX_INIT_ADDR };

	for (int r = 0; r < MOD_REGIONS; r++) {
		struct module_region *reg = &info->region[r];

		reg->addr = addr[r];
		if (!reg->size)
			continue;
		reg->mem = aligned_alloc(4096, reg->size);
		if (!reg->mem)
			return -ENOMEM;
	}
	return 0;
}

#define COUNT_TYPE(ops, kind, size) +1
#define FIXTURE_PARAM_TYPES (0 MODULE_PARAM_TYPES(COUNT_TYPE))

/* The test kernel's parameter types, where fixture_resolve() puts them. */
static void fixture_param_types(struct module_param_type *types)
{
#define NAMED_TYPE(ops, kind, size) { #ops, kind, size },
	static const struct {
		const char *name;
		enum module_param_kind kind;
		size_t size;
	} t[FIXTURE_PARAM_TYPES] = { MODULE_PARAM_TYPES(NAMED_TYPE) };
#undef NAMED_TYPE

	for (int i = 0; i < FIXTURE_PARAM_TYPES; i++) {
		fixture_resolve(NULL, t[i].name, &types[i].ops, NULL);
		types[i].kind = t[i].kind;
		types[i].size = t[i].size;
	}
}

int fixture_load(struct fixture *f, size_t len)
{
	struct module_param_type types[FIXTURE_PARAM_TYPES];

	struct load_info *info = &f->info;

	/* A shortened file gets a buffer of its own size, for ASan to guard. */
	if (len < f->len) {
		void *cut = aligned_alloc(8, ALIGN_UP(len, 8));

		assert_non_null(cut);
		memcpy(cut, f->buf, len);
		free(f->buf);
		f->buf = cut;
		f->len = len;
	}
	f->err = module_elf_check(info, "fixture", f->buf, len);
	if (!f->err)
		f->err = module_layout(info, f->tables, f->num_tables);
	if (!f->err)
		f->err = alloc_regions(info);
	if (f->err)
		return f->err;
	module_layout_place(info);
	f->err = module_resolve_symbols(info, fixture_resolve, NULL);
	if (!f->err)
		f->err = module_apply_relocations(info);
	if (!f->err)
		f->err = module_find_init_exit(info, &f->init, &f->exit);
	fixture_param_types(types);
	if (!f->err)
		f->err = module_check_tables(info, types, FIXTURE_PARAM_TYPES);
	if (f->err && getenv("FIXTURE_VERBOSE"))
		fprintf(stderr, "# %s\n", info->why);
	return f->err;
}

void fixture_free(struct fixture *f)
{
	for (int r = 0; r < MOD_REGIONS; r++)
		free(f->info.region[r].mem);
	free(f->buf);
	free(f->orig);
}

unsigned int fixture_section(const struct fixture *f, const char *name)
{
	const Elf64_Ehdr *h = f->orig;
	const Elf64_Shdr *sh =
		(const Elf64_Shdr *)((const char *)f->orig + h->e_shoff);
	const char *names = (const char *)f->orig + sh[h->e_shstrndx].sh_offset;

	for (unsigned int i = 1; i < h->e_shnum; i++)
		if (!strcmp(names + sh[i].sh_name, name))
			return i;
	return 0;
}

/* S: the symbol's value, from the untouched symbol table. */
static uint64_t expected_symbol(struct fixture *f, const Elf64_Sym *osym)
{
	const char *strtab = f->info.strtab;
	uint64_t v;

	if (osym->st_shndx == SHN_ABS)
		return osym->st_value;
	if (osym->st_shndx != SHN_UNDEF)
		return f->info.sechdrs[osym->st_shndx].sh_addr + osym->st_value;
	if (!osym->st_name)
		return 0;
	if (!strcmp(strtab + osym->st_name, "_GLOBAL_OFFSET_TABLE_"))
		return f->info.got_addr;
	return fixture_resolve(&f->info, strtab + osym->st_name, &v, NULL) ? 0 :
									     v;
}

static void check_one(struct fixture *f, const Elf64_Rela *r, uint64_t s,
		      uint64_t p, const uint8_t *loc)
{
	uint32_t type = ELF64_R_TYPE(r->r_info);
	uint64_t a = (uint64_t)r->r_addend, v64 = 0, slot;
	uint32_t v32 = 0;
	int32_t disp;

	if (module_reloc_size(type) == 8)
		memcpy(&v64, loc, 8);
	else if (module_reloc_size(type) == 4)
		memcpy(&v32, loc, 4);
	switch (type) {
	case R_X86_64_NONE:
		break;
	case R_X86_64_64:
		assert_int_equal(v64, s + a);
		break;
	case R_X86_64_PC64:
		assert_int_equal(v64, s + a - p);
		break;
	case R_X86_64_32:
	case R_X86_64_32S:
		assert_int_equal(v32, (uint32_t)(s + a));
		break;
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
		assert_int_equal(v32, (uint32_t)(s + a - p));
		break;
	case R_X86_64_GOTPCREL:
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX:
		/* The field points (with the addend) at a GOT slot holding S. */
		disp = (int32_t)v32;
		slot = p + (uint64_t)(int64_t)disp - a;
		assert_in_range(slot, f->info.got_addr,
				f->info.got_addr + 8 * f->info.got_slots - 8);
		assert_int_equal(*(uint64_t *)module_addr_to_mem(&f->info,
								 slot),
				 s);
		break;
	default:
		fail_msg("unexpected relocation type %u", type);
	}
}

size_t fixture_check_relocations(struct fixture *f)
{
	struct load_info *info = &f->info;
	const Elf64_Sym *osyms =
		(const Elf64_Sym *)((const char *)f->orig +
				    info->sechdrs[info->symtab_index].sh_offset);
	size_t checked = 0;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];
		const Elf64_Rela *rela =
			(const Elf64_Rela *)((const char *)f->orig +
					     s->sh_offset);

		if (s->sh_type != SHT_RELA ||
		    !module_section_loaded(info, s->sh_info))
			continue;
		for (size_t k = 0; k < s->sh_size / sizeof(*rela); k++) {
			uint64_t p = info->sechdrs[s->sh_info].sh_addr +
				     rela[k].r_offset;
			const uint8_t *loc = module_addr_to_mem(info, p);

			assert_non_null(loc);
			check_one(f, &rela[k],
				  expected_symbol(f, &osyms[ELF64_R_SYM(
							     rela[k].r_info)]),
				  p, loc);
			checked++;
		}
	}
	return checked;
}

Elf64_Shdr *fixture_shdr(struct fixture *f, unsigned int i)
{
	const Elf64_Ehdr *h = f->buf;

	return (Elf64_Shdr *)((char *)f->buf + h->e_shoff) + i;
}

Elf64_Sym *fixture_symbol(struct fixture *f, const char *name)
{
	Elf64_Shdr *s = fixture_shdr(f, fixture_section(f, ".symtab"));
	Elf64_Sym *syms = (Elf64_Sym *)((char *)f->buf + s->sh_offset);
	const char *strtab =
		(char *)f->buf + fixture_shdr(f, s->sh_link)->sh_offset;

	for (size_t i = 0; i < s->sh_size / sizeof(*syms); i++)
		if (!strcmp(strtab + syms[i].st_name, name))
			return &syms[i];
	fail_msg("no symbol %s", name);
	return NULL;
}
