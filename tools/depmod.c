/*
 * depmod for Sprout's initrd: reads the .ko files, matches each module's
 * undefined symbols to the modules exporting them (sections named
 * "___ksymtab+NAME" / "___ksymtab_gpl+NAME") and writes modules.dep in
 * Linux's format, every module's dependencies transitively, users first.
 *
 * Usage: depmod [-p PREFIX] -o modules.dep file.ko...
 */
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KSYMTAB_PREFIX "___ksymtab+"
#define KSYMTAB_GPL_PREFIX "___ksymtab_gpl+"
#define DEFAULT_PREFIX "lib/modules/"

struct symbol {
	const char *name;
	bool weak;
};

struct module {
	const char *path; /* as given */
	const char *file; /* its last path component */
	struct symbol *undefs;
	size_t n_undefs;
	const char **exports;
	size_t n_exports;
	size_t *deps; /* direct dependencies: indices into mods[] */
	size_t n_deps;
	int color; /* for the cycle search: 0 new, 1 on the path, 2 done */
	unsigned int seen; /* closure walk generation */
};

static struct module *mods;
static size_t n_mods;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		perror("depmod");
		exit(1);
	}
	return p;
}

static unsigned char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t n = 0, got;

	if (!f) {
		fprintf(stderr, "depmod: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	do {
		buf = xrealloc(buf, n + 65536);
		got = fread(buf + n, 1, 65536, f);
		n += got;
	} while (got == 65536);
	fclose(f);
	*len = n;
	return buf;
}

static void __attribute__((noreturn, format(printf, 2, 3)))
bad_elf(const char *path, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "depmod: %s: ", path);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* A NUL-terminated string at @off inside section @sh of the file. */
static const char *elf_string(const char *path, const unsigned char *buf,
			      const Elf64_Shdr *sh, size_t off)
{
	const char *s = (const char *)buf + sh->sh_offset + off;

	if (off >= sh->sh_size || !memchr(s, '\0', sh->sh_size - off))
		bad_elf(path, "string at %zu runs past its table", off);
	return s;
}

static const Elf64_Shdr *elf_sections(const char *path,
				      const unsigned char *buf, size_t len,
				      size_t *count)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)buf;
	const Elf64_Shdr *sh;

	if (len < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		bad_elf(path, "not an ELF file");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_type != ET_REL)
		bad_elf(path, "not a 64-bit little-endian relocatable object");
	if (eh->e_shentsize != sizeof(*sh) || eh->e_shoff > len ||
	    eh->e_shoff % _Alignof(Elf64_Shdr) ||
	    (len - eh->e_shoff) / sizeof(*sh) < eh->e_shnum)
		bad_elf(path, "section headers (%u at %#lx) run past the end",
			eh->e_shnum, (unsigned long)eh->e_shoff);
	if (eh->e_shstrndx >= eh->e_shnum)
		bad_elf(path, "section name table index %u out of range",
			eh->e_shstrndx);
	sh = (const Elf64_Shdr *)(buf + eh->e_shoff);
	for (size_t i = 0; i < eh->e_shnum; i++)
		if (sh[i].sh_type != SHT_NOBITS &&
		    (sh[i].sh_offset > len ||
		     sh[i].sh_size > len - sh[i].sh_offset))
			bad_elf(path, "section %zu runs past the end", i);
	*count = eh->e_shnum;
	return sh;
}

static void add_export(struct module *m, const char *name)
{
	m->exports = xrealloc(m->exports, (m->n_exports + 1) * sizeof(char *));
	m->exports[m->n_exports++] = name;
}

static void read_symbols(struct module *m, const unsigned char *buf,
			 const Elf64_Shdr *sh, size_t n_sh, size_t symtab)
{
	const Elf64_Shdr *st = &sh[symtab];
	const Elf64_Sym *sym = (const Elf64_Sym *)(buf + st->sh_offset);
	size_t n = st->sh_size / sizeof(*sym);

	if (st->sh_entsize != sizeof(*sym) || st->sh_link >= n_sh ||
	    st->sh_offset % _Alignof(Elf64_Sym))
		bad_elf(m->path, "symbol table %zu is malformed", symtab);
	for (size_t i = 1; i < n; i++) {
		int bind = ELF64_ST_BIND(sym[i].st_info);
		const char *name;

		if (sym[i].st_shndx != SHN_UNDEF ||
		    (bind != STB_GLOBAL && bind != STB_WEAK))
			continue;
		name = elf_string(m->path, buf, &sh[st->sh_link],
				  sym[i].st_name);
		if (!*name)
			continue;
		m->undefs = xrealloc(m->undefs,
				     (m->n_undefs + 1) * sizeof(*m->undefs));
		m->undefs[m->n_undefs++] =
			(struct symbol){ name, bind == STB_WEAK };
	}
}

/* Read @m's exports and undefined symbols; the file stays in memory. */
static void load_module(struct module *m)
{
	size_t len, n_sh, symtab = 0;
	unsigned char *buf = read_file(m->path, &len);
	const Elf64_Shdr *sh = elf_sections(m->path, buf, len, &n_sh);
	const Elf64_Shdr *names = &sh[((const Elf64_Ehdr *)buf)->e_shstrndx];

	for (size_t i = 1; i < n_sh; i++) {
		const char *name =
			elf_string(m->path, buf, names, sh[i].sh_name);

		if (!strncmp(name, KSYMTAB_PREFIX, strlen(KSYMTAB_PREFIX)))
			add_export(m, name + strlen(KSYMTAB_PREFIX));
		else if (!strncmp(name, KSYMTAB_GPL_PREFIX,
				  strlen(KSYMTAB_GPL_PREFIX)))
			add_export(m, name + strlen(KSYMTAB_GPL_PREFIX));
		else if (sh[i].sh_type == SHT_SYMTAB) {
			if (symtab)
				bad_elf(m->path, "more than one symbol table");
			symtab = i;
		}
	}
	if (!symtab)
		bad_elf(m->path, "no symbol table");
	read_symbols(m, buf, sh, n_sh, symtab);
}

/* The first module (in command-line order) exporting @name, or -1. */
static long exporter_of(const char *name)
{
	for (size_t i = 0; i < n_mods; i++)
		for (size_t j = 0; j < mods[i].n_exports; j++)
			if (!strcmp(mods[i].exports[j], name))
				return (long)i;
	return -1;
}

/* A symbol exported twice: the later exporter is never used. */
static void check_duplicates(void)
{
	for (size_t i = 0; i < n_mods; i++)
		for (size_t j = 0; j < mods[i].n_exports; j++) {
			long first = exporter_of(mods[i].exports[j]);

			if (first == (long)i)
				continue;
			fprintf(stderr,
				"depmod: WARNING: %s is exported by both %s and %s; using %s\n",
				mods[i].exports[j], mods[first].file,
				mods[i].file, mods[first].file);
		}
}

static void add_dep(struct module *m, size_t dep)
{
	if (&mods[dep] == m)
		return;
	for (size_t i = 0; i < m->n_deps; i++)
		if (m->deps[i] == dep)
			return;
	m->deps = xrealloc(m->deps, (m->n_deps + 1) * sizeof(size_t));
	m->deps[m->n_deps++] = dep;
}

/* Undefined symbols no module exports are the kernel's (or unresolved). */
static void find_deps(struct module *m)
{
	for (size_t i = 0; i < m->n_undefs; i++) {
		long e = exporter_of(m->undefs[i].name);

		if (e >= 0)
			add_dep(m, (size_t)e);
	}
}

/* Report every cycle once, with its chain (Linux's depmod refuses them;
 * Sprout writes them out so the kernel can show what happens at boot). */
static void find_cycles(size_t i, size_t *path, size_t depth)
{
	struct module *m = &mods[i];

	m->color = 1;
	path[depth] = i;
	for (size_t d = 0; d < m->n_deps; d++) {
		size_t next = m->deps[d];

		if (mods[next].color == 0) {
			find_cycles(next, path, depth + 1);
		} else if (mods[next].color == 1) {
			size_t start = depth;

			while (path[start] != next)
				start--;
			fprintf(stderr, "depmod: WARNING: dependency cycle:");
			for (size_t k = start; k <= depth; k++)
				fprintf(stderr, " %s ->", mods[path[k]].file);
			fprintf(stderr, " %s\n", mods[next].file);
		}
	}
	m->color = 2;
}

/* Post-order walk: each dependency after its own dependencies. */
static void closure(size_t i, unsigned int gen, size_t *out, size_t *n)
{
	mods[i].seen = gen;
	for (size_t d = 0; d < mods[i].n_deps; d++)
		if (mods[mods[i].deps[d]].seen != gen)
			closure(mods[i].deps[d], gen, out, n);
	out[(*n)++] = i;
}

/* modules.dep(5): "path: dep..."; modprobe loads the list from the right. */
static void write_deps(FILE *out, const char *prefix)
{
	size_t *order = xrealloc(NULL, (n_mods + 1) * sizeof(size_t));

	for (size_t i = 0; i < n_mods; i++) {
		size_t n = 0;

		closure(i, (unsigned int)i + 1, order, &n);
		fprintf(out, "%s%s:", prefix, mods[i].file);
		/* order[n - 1] is the module itself; users come first. */
		for (size_t k = n - 1; k-- > 0;)
			fprintf(out, " %s%s", prefix, mods[order[k]].file);
		fputc('\n', out);
	}
	free(order);
}

int main(int argc, char **argv)
{
	const char *prefix = DEFAULT_PREFIX, *out_path = NULL;
	size_t *path;
	FILE *out;
	int i;

	for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (!strcmp(argv[i], "-o"))
			out_path = argv[i + 1];
		else if (!strcmp(argv[i], "-p"))
			prefix = argv[i + 1];
		else
			break;
	}
	if (!out_path || (i < argc && argv[i][0] == '-')) {
		fprintf(stderr,
			"usage: depmod [-p PREFIX] -o modules.dep file.ko...\n");
		return 2;
	}
	n_mods = (size_t)(argc - i);
	mods = xrealloc(NULL, n_mods * sizeof(*mods));
	memset(mods, 0, n_mods * sizeof(*mods));
	for (size_t k = 0; k < n_mods; k++) {
		const char *slash = strrchr(argv[i + k], '/');

		mods[k].path = argv[i + k];
		mods[k].file = slash ? slash + 1 : argv[i + k];
		load_module(&mods[k]);
	}
	check_duplicates();
	for (size_t k = 0; k < n_mods; k++)
		find_deps(&mods[k]);
	path = xrealloc(NULL, (n_mods + 1) * sizeof(size_t));
	for (size_t k = 0; k < n_mods; k++)
		if (!mods[k].color)
			find_cycles(k, path, 0);
	free(path);

	out = fopen(out_path, "w");
	if (!out) {
		fprintf(stderr, "depmod: %s: %s\n", out_path, strerror(errno));
		return 1;
	}
	write_deps(out, prefix);
	if (fclose(out)) {
		fprintf(stderr, "depmod: %s: %s\n", out_path, strerror(errno));
		return 1;
	}
	return 0;
}
