/*
 * Section-mismatch checker, run by the build on every object of the kernel
 * (and on modules): code or data that stays after boot must not refer to
 * .init.* code or data, which free_initmem() (or the module loader) frees.
 * Reads each object's relocations; exits 1 after naming every mismatch.
 * It also refuses indirect functions (STT_GNU_IFUNC), which only a dynamic
 * linker resolves: linked as plain functions, a call would run the resolver.
 */
#include <elf.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A defined global symbol and the section it lives in, across all objects. */
struct global_sym {
	const char *name;
	const char *section;
};

struct object {
	const char *path;
	unsigned char *data;
	size_t size;
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh;
	const char *shstr;
	size_t shstr_size;
	const Elf64_Sym *syms;
	size_t nsyms;
	const char *strtab;
	size_t strtab_size;
};

static struct global_sym *globals;
static size_t nglobals, globals_cap;

static void die(const char *path, const char *what)
{
	fprintf(stderr, "modpost: %s: %s\n", path, what);
	exit(2);
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* excerpt: mismatch-rules */
/* Freed after boot (or after a module's init): .init.*, the initcall tables. */
static bool is_init_section(const char *name)
{
	return starts_with(name, ".init.") || starts_with(name, ".initcall");
}

/*
 * May refer to init sections: init code and data themselves, the one-shot
 * boot entry code (.boot.*), __ref functions (.ref.*), whose authors
 * promise to use init code only while booting, and the exception table,
 * whose entries for init code are searched only while that code is there.
 */
static bool may_reference_init(const char *name)
{
	return is_init_section(name) || starts_with(name, ".ref.") ||
	       starts_with(name, ".boot.") || !strcmp(name, "__ex_table");
}
/* excerpt-end: mismatch-rules */

static const char *section_name(const struct object *o, size_t idx)
{
	uint32_t off;

	if (idx >= o->eh->e_shnum)
		return "?";
	off = o->sh[idx].sh_name;
	if (off >= o->shstr_size)
		die(o->path, "section name offset out of range");
	return o->shstr + off;
}

static const char *sym_name(const struct object *o, const Elf64_Sym *s)
{
	if (s->st_name >= o->strtab_size)
		die(o->path, "symbol name offset out of range");
	return o->strtab + s->st_name;
}

static bool in_file(const struct object *o, uint64_t off, uint64_t len)
{
	return off <= o->size && len <= o->size - off;
}

static void load_object(struct object *o, const char *path)
{
	FILE *f = fopen(path, "rb");
	const Elf64_Shdr *strsh;

	if (!f) {
		fprintf(stderr, "modpost: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	fseek(f, 0, SEEK_END);
	o->size = (size_t)ftell(f);
	rewind(f);
	o->path = path;
	o->data = malloc(o->size ? o->size : 1);
	if (!o->data || fread(o->data, 1, o->size, f) != o->size)
		die(path, "cannot read");
	fclose(f);

	o->eh = (const Elf64_Ehdr *)o->data;
	if (o->size < sizeof(Elf64_Ehdr) ||
	    memcmp(o->eh->e_ident, ELFMAG, SELFMAG))
		die(path, "not an ELF file");
	if (o->eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    o->eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    o->eh->e_machine != EM_X86_64)
		die(path, "not a little-endian x86-64 ELF64 object");
	if (o->eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    !in_file(o, o->eh->e_shoff,
		     (uint64_t)o->eh->e_shnum * sizeof(Elf64_Shdr)))
		die(path, "section header table out of bounds");
	o->sh = (const Elf64_Shdr *)(o->data + o->eh->e_shoff);
	if (o->eh->e_shstrndx >= o->eh->e_shnum)
		die(path, "section name table index out of range");
	strsh = &o->sh[o->eh->e_shstrndx];
	if (!in_file(o, strsh->sh_offset, strsh->sh_size) || !strsh->sh_size ||
	    o->data[strsh->sh_offset + strsh->sh_size - 1])
		die(path, "bad section name table");
	o->shstr = (const char *)o->data + strsh->sh_offset;
	o->shstr_size = strsh->sh_size;

	for (size_t i = 0; i < o->eh->e_shnum; i++) {
		const Elf64_Shdr *s = &o->sh[i], *str;

		if (s->sh_type != SHT_SYMTAB)
			continue;
		if (s->sh_entsize != sizeof(Elf64_Sym) ||
		    !in_file(o, s->sh_offset, s->sh_size) ||
		    s->sh_link >= o->eh->e_shnum)
			die(path, "bad symbol table");
		str = &o->sh[s->sh_link];
		if (!in_file(o, str->sh_offset, str->sh_size) ||
		    !str->sh_size || o->data[str->sh_offset + str->sh_size - 1])
			die(path, "bad symbol string table");
		o->syms = (const Elf64_Sym *)(o->data + s->sh_offset);
		o->nsyms = s->sh_size / sizeof(Elf64_Sym);
		o->strtab = (const char *)o->data + str->sh_offset;
		o->strtab_size = str->sh_size;
	}
}

static bool sym_defined(const Elf64_Sym *s)
{
	return s->st_shndx != SHN_UNDEF && s->st_shndx < SHN_LORESERVE;
}

static void add_globals(const struct object *o)
{
	for (size_t i = 1; i < o->nsyms; i++) {
		const Elf64_Sym *s = &o->syms[i];
		int bind = ELF64_ST_BIND(s->st_info);

		if ((bind != STB_GLOBAL && bind != STB_WEAK) || !sym_defined(s))
			continue;
		if (nglobals == globals_cap) {
			globals_cap = globals_cap ? globals_cap * 2 : 1024;
			globals = realloc(globals,
					  globals_cap * sizeof(*globals));
			if (!globals)
				die(o->path, "out of memory");
		}
		globals[nglobals++] =
			(struct global_sym){ sym_name(o, s),
					     section_name(o, s->st_shndx) };
	}
}

/* The section a global lives in, or NULL (linker-script or outside symbol). */
static const char *global_section(const char *name)
{
	for (size_t i = 0; i < nglobals; i++)
		if (!strcmp(globals[i].name, name))
			return globals[i].section;
	return NULL;
}

/* Section-relative value: objects store it so; linked files add the address. */
static uint64_t sec_offset(const struct object *o, size_t shndx, uint64_t v)
{
	return o->eh->e_type == ET_REL ? v : v - o->sh[shndx].sh_addr;
}

/*
 * The named symbol in section @shndx that covers @off, else the nearest one
 * before it; NULL if there is none.
 */
static const char *symbol_at(const struct object *o, size_t shndx, uint64_t off)
{
	const Elf64_Sym *best = NULL;
	uint64_t best_start = 0;

	for (size_t i = 1; i < o->nsyms; i++) {
		const Elf64_Sym *s = &o->syms[i];
		int type = ELF64_ST_TYPE(s->st_info);
		uint64_t start;

		if (s->st_shndx != shndx || type == STT_SECTION ||
		    type == STT_FILE || !s->st_name)
			continue;
		start = sec_offset(o, shndx, s->st_value);
		if (start > off)
			continue;
		if (off < start + s->st_size)
			return sym_name(o, s);
		if (!best || start > best_start) {
			best = s;
			best_start = start;
		}
	}
	return best ? sym_name(o, best) : NULL;
}

/* Where a PC-relative field points: past the 4-byte field itself. */
static int64_t reloc_bias(uint32_t type)
{
	return type == R_X86_64_PC32 || type == R_X86_64_PLT32 ? 4 : 0;
}

static void describe(char *buf, size_t size, const struct object *o,
		     size_t shndx, uint64_t off)
{
	const char *name = symbol_at(o, shndx, off);

	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%s+0x%llx", section_name(o, shndx),
			 (unsigned long long)off);
}

static unsigned int check_rela(const struct object *o, const Elf64_Shdr *rs)
{
	const char *from_sec = section_name(o, rs->sh_info);
	const Elf64_Rela *r = (const Elf64_Rela *)(o->data + rs->sh_offset);
	size_t n = rs->sh_size / sizeof(Elf64_Rela);
	unsigned int found = 0;

	for (size_t i = 0; i < n; i++) {
		size_t si = ELF64_R_SYM(r[i].r_info);
		const Elf64_Sym *s;
		const char *to_sec, *to_name;
		char from[160], to[160];

		if (si >= o->nsyms)
			die(o->path, "relocation symbol index out of range");
		s = &o->syms[si];
		if (sym_defined(s))
			to_sec = section_name(o, s->st_shndx);
		else if (s->st_shndx == SHN_UNDEF && s->st_name)
			to_sec = global_section(sym_name(o, s));
		else
			continue;
		if (!to_sec || !is_init_section(to_sec))
			continue;
		describe(from, sizeof(from), o, rs->sh_info,
			 sec_offset(o, rs->sh_info, r[i].r_offset));
		to_name = sym_name(o, s);
		if (ELF64_ST_TYPE(s->st_info) == STT_SECTION) {
			int64_t addend = r[i].r_addend +
					 reloc_bias(ELF64_R_TYPE(r[i].r_info));

			describe(to, sizeof(to), o, s->st_shndx,
				 sec_offset(o, s->st_shndx, s->st_value) +
					 (uint64_t)addend);
			to_name = to;
		}
		/* excerpt: mismatch-report */
		fprintf(stderr,
			"WARNING: %s: section mismatch: %s (%s) references %s (%s)\n",
			o->path, from, from_sec, to_name, to_sec);
		/* excerpt-end: mismatch-report */
		found++;
	}
	return found;
}

static unsigned int check_object(const struct object *o)
{
	unsigned int found = 0;

	for (size_t i = 0; i < o->eh->e_shnum; i++) {
		const Elf64_Shdr *rs = &o->sh[i];
		const Elf64_Shdr *target;

		if (rs->sh_type == SHT_REL)
			die(o->path, "SHT_REL relocations (x86-64 uses RELA)");
		if (rs->sh_type != SHT_RELA)
			continue;
		if (rs->sh_info >= o->eh->e_shnum ||
		    rs->sh_entsize != sizeof(Elf64_Rela) ||
		    !in_file(o, rs->sh_offset, rs->sh_size))
			die(o->path, "bad relocation section header");
		target = &o->sh[rs->sh_info];
		/*
		 * Debug info points everywhere and is never loaded; unwind
		 * tables are discarded by linker.ld and the module loader.
		 */
		if (!(target->sh_flags & SHF_ALLOC) ||
		    !strcmp(section_name(o, rs->sh_info), ".eh_frame") ||
		    may_reference_init(section_name(o, rs->sh_info)))
			continue;
		if (!o->syms)
			die(o->path, "relocations but no symbol table");
		found += check_rela(o, rs);
	}
	return found;
}

/* Name each indirect function @o defines; returns how many. */
static unsigned int check_ifuncs(const struct object *o)
{
	unsigned int found = 0;

	for (size_t i = 0; i < o->nsyms; i++) {
		const Elf64_Sym *s = &o->syms[i];

		if (ELF64_ST_TYPE(s->st_info) != STT_GNU_IFUNC)
			continue;
		fprintf(stderr,
			"ERROR: %s: %s is an indirect function (STT_GNU_IFUNC), which neither the kernel nor its module loader resolves\n",
			o->path, sym_name(o, s));
		found++;
	}
	return found;
}

int main(int argc, char **argv)
{
	struct object *objs;
	unsigned int found = 0, ifuncs = 0;

	if (argc < 2) {
		fprintf(stderr,
			"usage: modpost OBJECT...\n"
			"  (the objects of the kernel, or a module's .ko)\n");
		return 2;
	}
	objs = calloc((size_t)argc - 1, sizeof(*objs));
	if (!objs)
		die("modpost", "out of memory");
	/* Globals of every object first: a reference may cross objects. */
	for (int i = 1; i < argc; i++) {
		load_object(&objs[i - 1], argv[i]);
		add_globals(&objs[i - 1]);
	}
	for (int i = 1; i < argc; i++) {
		found += check_object(&objs[i - 1]);
		ifuncs += check_ifuncs(&objs[i - 1]);
	}
	if (ifuncs)
		fprintf(stderr,
			"modpost: %u indirect function%s: call the implementation directly\n",
			ifuncs, ifuncs == 1 ? "" : "s");
	if (found) {
		fprintf(stderr,
			"modpost: %u section mismatch%s: mark the referrer "
			"__init (or __ref if it only uses the target while "
			"booting), or drop __init from the target\n",
			found, found == 1 ? "" : "es");
		return 1;
	}
	return ifuncs ? 1 : 0;
}
