/*
 * Validation of a module file before any other step reads it.  A .ko comes
 * from outside the kernel: every header field, size, offset and index is
 * checked here, so layout, symbol resolution and relocation can trust them.
 * Each rejection names the module, the section and the reason.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

/* Does [off, off + size) lie inside a buffer of @len bytes? */
static bool in_file(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

static bool is_power_of_2(uint64_t x)
{
	return x && !(x & (x - 1));
}

static int check_header(struct load_info *info)
{
	const Elf64_Ehdr *h = info->hdr;

	if (info->len < sizeof(*h))
		return module_reject(info,
				     "file too short for an ELF header (%zu bytes)",
				     info->len);
	if (memcmp(h->e_ident, ELFMAG, SELFMAG))
		return module_reject(info, "not an ELF file (bad magic)");
	if (h->e_ident[EI_CLASS] != ELFCLASS64)
		return module_reject(info, "not a 64-bit ELF file (class %u)",
				     h->e_ident[EI_CLASS]);
	if (h->e_ident[EI_DATA] != ELFDATA2LSB)
		return module_reject(info,
				     "not little-endian (data encoding %u)",
				     h->e_ident[EI_DATA]);
	if (h->e_ident[EI_VERSION] != EV_CURRENT || h->e_version != EV_CURRENT)
		return module_reject(info, "unknown ELF version %u",
				     h->e_ident[EI_VERSION]);
	if (h->e_machine != EM_X86_64)
		return module_reject(info,
				     "built for machine %u, not x86-64 (%u)",
				     h->e_machine, EM_X86_64);
	if (h->e_type != ET_REL)
		return module_reject(info,
				     "ELF type %u is not a relocatable object (%u)",
				     h->e_type, ET_REL);
	if (h->e_ehsize != sizeof(Elf64_Ehdr) ||
	    h->e_shentsize != sizeof(Elf64_Shdr))
		return module_reject(info,
				     "unexpected header sizes (ehsize %u, shentsize %u)",
				     h->e_ehsize, h->e_shentsize);
	/* 0 would mean the count is in section 0 (extended numbering). */
	if (h->e_shnum == 0 || h->e_shnum >= SHN_LORESERVE)
		return module_reject(info, "unsupported section count %u",
				     h->e_shnum);
	if (h->e_shnum > MODULE_SECTIONS_MAX)
		return module_reject(info,
				     "%u sections, more than the loader takes (%u)",
				     h->e_shnum, MODULE_SECTIONS_MAX);
	if (h->e_shoff % 8 ||
	    !in_file(h->e_shoff, (uint64_t)h->e_shnum * sizeof(Elf64_Shdr),
		     info->len))
		return module_reject(info,
				     "section headers (offset %#llx, %u entries) outside the file or misaligned",
				     (unsigned long long)h->e_shoff,
				     h->e_shnum);
	if (h->e_shstrndx == SHN_UNDEF || h->e_shstrndx >= h->e_shnum)
		return module_reject(info,
				     "section name table index %u out of range (%u sections)",
				     h->e_shstrndx, h->e_shnum);
	return 0;
}

/* A string table: inside the file and ending in a NUL. */
static int check_strtab(struct load_info *info, unsigned int i)
{
	const Elf64_Shdr *s = &info->sechdrs[i];

	if (s->sh_type != SHT_STRTAB || s->sh_size == 0 ||
	    !in_file(s->sh_offset, s->sh_size, info->len) ||
	    ((const char *)info->hdr)[s->sh_offset + s->sh_size - 1] != '\0')
		return module_reject(info,
				     "section %u (%s): not a NUL-terminated string table",
				     i, module_section_name(info, i));
	return 0;
}

static int check_section(struct load_info *info, unsigned int i)
{
	const Elf64_Shdr *s = &info->sechdrs[i];
	const char *name = module_section_name(info, i);

	if (s->sh_name >= info->secstrings_size)
		return module_reject(info,
				     "section %u: name offset %u outside the name table (%zu bytes)",
				     i, s->sh_name, info->secstrings_size);
	if (s->sh_type != SHT_NOBITS &&
	    !in_file(s->sh_offset, s->sh_size, info->len))
		return module_reject(info,
				     "section %u (%s): offset %#llx size %#llx past the end of the file (%zu bytes)",
				     i, name, (unsigned long long)s->sh_offset,
				     (unsigned long long)s->sh_size, info->len);
	if (s->sh_addralign > 1 && !is_power_of_2(s->sh_addralign))
		return module_reject(info,
				     "section %u (%s): alignment %llu is not a power of two",
				     i, name,
				     (unsigned long long)s->sh_addralign);
	if (s->sh_type == SHT_REL)
		return module_reject(info,
				     "section %u (%s): REL relocations are not used on x86-64",
				     i, name);
	return 0;
}

/* Does section @s occupy bytes of the file? */
static bool has_file_bytes(const Elf64_Shdr *s)
{
	return s->sh_type != SHT_NOBITS && s->sh_size;
}

/* Heap sort of @n section indices by file offset: O(n log n), no memory. */
static void sift_down(const struct load_info *info, uint16_t *v, size_t root,
		      size_t n)
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && info->sechdrs[v[child + 1]].sh_offset >
					     info->sechdrs[v[child]].sh_offset)
			child++;
		if (info->sechdrs[v[root]].sh_offset >=
		    info->sechdrs[v[child]].sh_offset)
			return;
		uint16_t t = v[root];

		v[root] = v[child];
		v[child] = t;
	}
}

static void sort_by_offset(const struct load_info *info, uint16_t *v, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift_down(info, v, i, n);
	while (n-- > 1) {
		uint16_t t = v[0];

		v[0] = v[n];
		v[n] = t;
		sift_down(info, v, 0, n);
	}
}

/*
 * The sections with file bytes, by offset.  One load at a time runs the
 * checks (load_module() is never re-entered), so one array serves all.
 */
static uint16_t section_order[MODULE_SECTIONS_MAX];

/*
 * No two sections may share file bytes, nor a section the headers: the
 * loader writes symbol values into the symbol table and copies sections
 * out, so a crafted overlap could rewrite relocations after their checks,
 * or the section table itself.  Sorted by offset, each section need only
 * start after the furthest end seen so far: O(n log n) in the count.
 */
static int check_overlaps(struct load_info *info)
{
	const Elf64_Ehdr *h = info->hdr;
	uint64_t tbl_end =
		h->e_shoff + (uint64_t)h->e_shnum * sizeof(Elf64_Shdr);
	uint64_t end = 0;
	unsigned int last = 0;
	size_t n = 0;

	for (unsigned int i = 1; i < h->e_shnum; i++) {
		const Elf64_Shdr *a = &info->sechdrs[i];

		if (!has_file_bytes(a))
			continue;
		if (a->sh_offset < sizeof(*h) ||
		    (a->sh_offset < tbl_end &&
		     h->e_shoff < a->sh_offset + a->sh_size))
			return module_reject(info,
					     "section %u (%s) overlaps the ELF headers",
					     i, module_section_name(info, i));
		section_order[n++] = (uint16_t)i;
	}
	sort_by_offset(info, section_order, n);
	for (size_t k = 0; k < n; k++) {
		const Elf64_Shdr *a = &info->sechdrs[section_order[k]];

		if (a->sh_offset < end)
			return module_reject(info,
					     "section %u (%s) overlaps section %u (%s)",
					     section_order[k],
					     module_section_name(info,
								 section_order
									 [k]),
					     last,
					     module_section_name(info, last));
		/* check_section() made offset + size fit in the file. */
		end = a->sh_offset + a->sh_size;
		last = section_order[k];
	}
	return 0;
}

static int find_symtab(struct load_info *info)
{
	unsigned int found = 0;
	const Elf64_Shdr *s;
	int err;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		if (info->sechdrs[i].sh_type != SHT_SYMTAB)
			continue;
		if (found)
			return module_reject(info,
					     "sections %u and %u: more than one symbol table",
					     found, i);
		found = i;
	}
	if (!found)
		return module_reject(info,
				     "no symbol table (was the module stripped?)");
	s = &info->sechdrs[found];
	if (s->sh_entsize != sizeof(Elf64_Sym) ||
	    s->sh_size % sizeof(Elf64_Sym) || s->sh_offset % 8 ||
	    s->sh_size == 0)
		return module_reject(info,
				     "section %u (%s): bad symbol table entry size %llu or alignment",
				     found, module_section_name(info, found),
				     (unsigned long long)s->sh_entsize);
	if (s->sh_link == SHN_UNDEF || s->sh_link >= info->hdr->e_shnum)
		return module_reject(info,
				     "section %u (%s): string table index %u out of range",
				     found, module_section_name(info, found),
				     s->sh_link);
	err = check_strtab(info, s->sh_link);
	if (err)
		return err;
	info->symtab_index = found;
	info->syms = (Elf64_Sym *)((char *)info->hdr + s->sh_offset);
	info->num_syms = s->sh_size / sizeof(Elf64_Sym);
	info->strtab =
		(const char *)info->hdr + info->sechdrs[s->sh_link].sh_offset;
	info->strtab_size = info->sechdrs[s->sh_link].sh_size;
	return 0;
}

static int check_symbols(struct load_info *info)
{
	const char *sec = module_section_name(info, info->symtab_index);

	/* Symbol 0 too: relocations may name it, and messages print it. */
	for (size_t i = 0; i < info->num_syms; i++) {
		const Elf64_Sym *sym = &info->syms[i];

		if (sym->st_name >= info->strtab_size)
			return module_reject(info,
					     "section %u (%s): symbol %zu: name offset %u outside the string table (%zu bytes)",
					     info->symtab_index, sec, i,
					     sym->st_name, info->strtab_size);
		if (sym->st_shndx == SHN_COMMON)
			return module_reject(info,
					     "symbol %s is a common symbol: compile with -fno-common",
					     info->strtab + sym->st_name);
		/* Called, its resolver would run in place of the function. */
		if (ELF64_ST_TYPE(sym->st_info) == STT_GNU_IFUNC)
			return module_reject(info,
					     "%s is an indirect function (STT_GNU_IFUNC), which the module loader does not resolve",
					     info->strtab + sym->st_name);
		if (sym->st_shndx >= info->hdr->e_shnum &&
		    sym->st_shndx != SHN_ABS)
			return module_reject(info,
					     "section %u (%s): symbol %zu (%s): section index %u out of range (%u sections)",
					     info->symtab_index, sec, i,
					     info->strtab + sym->st_name,
					     sym->st_shndx, info->hdr->e_shnum);
		if (sym->st_shndx != SHN_UNDEF && sym->st_shndx != SHN_ABS &&
		    sym->st_value > info->sechdrs[sym->st_shndx].sh_size)
			return module_reject(info,
					     "section %u (%s): symbol %zu (%s): value %#llx past the end of its section",
					     info->symtab_index, sec, i,
					     info->strtab + sym->st_name,
					     (unsigned long long)sym->st_value);
	}
	return 0;
}

static int check_rela_entries(struct load_info *info, unsigned int i)
{
	const Elf64_Shdr *s = &info->sechdrs[i];
	const Elf64_Shdr *target = &info->sechdrs[s->sh_info];
	const Elf64_Rela *rela =
		(const Elf64_Rela *)((char *)info->hdr + s->sh_offset);
	const char *name = module_section_name(info, i);

	for (size_t k = 0; k < s->sh_size / sizeof(*rela); k++) {
		uint32_t sym = ELF64_R_SYM(rela[k].r_info);
		uint32_t type = ELF64_R_TYPE(rela[k].r_info);
		int size = module_reloc_size(type);

		if (sym >= info->num_syms)
			return module_reject(info,
					     "section %u (%s): relocation %zu: symbol index %u out of range (symtab has %zu)",
					     i, name, k, sym, info->num_syms);
		/* An unknown type is rejected by name when it is applied. */
		if (size < 0)
			continue;
		if (!in_file(rela[k].r_offset, (uint64_t)size, target->sh_size))
			return module_reject(info,
					     "section %u (%s): relocation %zu at offset %#llx past the end of section %u (%s, %#llx bytes)",
					     i, name, k,
					     (unsigned long long)rela[k]
						     .r_offset,
					     s->sh_info,
					     module_section_name(info,
								 s->sh_info),
					     (unsigned long long)
						     target->sh_size);
	}
	return 0;
}

static int check_relas(struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];
		const char *name = module_section_name(info, i);

		if (s->sh_type != SHT_RELA)
			continue;
		if (s->sh_entsize != sizeof(Elf64_Rela) ||
		    s->sh_size % sizeof(Elf64_Rela) || s->sh_offset % 8)
			return module_reject(info,
					     "section %u (%s): bad relocation entry size %llu or alignment",
					     i, name,
					     (unsigned long long)s->sh_entsize);
		if (s->sh_link != info->symtab_index)
			return module_reject(info,
					     "section %u (%s): symbol table index %u is not the symbol table (%u)",
					     i, name, s->sh_link,
					     info->symtab_index);
		if (s->sh_info == SHN_UNDEF || s->sh_info >= info->hdr->e_shnum)
			return module_reject(info,
					     "section %u (%s): target section %u out of range",
					     i, name, s->sh_info);
		if (info->sechdrs[s->sh_info].sh_type == SHT_NOBITS)
			return module_reject(info,
					     "section %u (%s): relocates section %u (%s), which has no contents",
					     i, name, s->sh_info,
					     module_section_name(info,
								 s->sh_info));
		if (check_rela_entries(info, i))
			return -ENOEXEC;
	}
	return 0;
}

static int find_modinfo(struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (strcmp(module_section_name(info, i), ".modinfo") ||
		    s->sh_type != SHT_PROGBITS)
			continue;
		if (s->sh_size &&
		    ((const char *)info->hdr)[s->sh_offset + s->sh_size - 1])
			return module_reject(info,
					     "section %u (.modinfo): last string not NUL-terminated",
					     i);
		info->modinfo = (const char *)info->hdr + s->sh_offset;
		info->modinfo_size = s->sh_size;
	}
	return 0;
}

int module_elf_check(struct load_info *info, const char *name, void *buf,
		     size_t len)
{
	int err;

	memset(info, 0, sizeof(*info));
	info->name = name;
	info->hdr = buf;
	info->len = len;
	if ((uintptr_t)buf % 8)
		return module_reject(info, "file buffer not 8-byte aligned");
	err = check_header(info);
	if (err)
		return err;
	info->sechdrs = (Elf64_Shdr *)((char *)buf + info->hdr->e_shoff);
	/* Names are used in messages: check the name table first. */
	if (!in_file(info->sechdrs[info->hdr->e_shstrndx].sh_offset,
		     info->sechdrs[info->hdr->e_shstrndx].sh_size, len))
		return module_reject(info,
				     "section %u (name table) past the end of the file",
				     info->hdr->e_shstrndx);
	err = check_strtab(info, info->hdr->e_shstrndx);
	if (err)
		return err;
	info->secstrings = (const char *)buf +
			   info->sechdrs[info->hdr->e_shstrndx].sh_offset;
	info->secstrings_size = info->sechdrs[info->hdr->e_shstrndx].sh_size;
	for (unsigned int i = 0; i < info->hdr->e_shnum; i++) {
		err = check_section(info, i);
		if (err)
			return err;
	}
	err = check_overlaps(info);
	if (!err)
		err = find_symtab(info);
	if (!err)
		err = check_symbols(info);
	if (!err)
		err = check_relas(info);
	if (!err)
		err = find_modinfo(info);
	return err;
}
