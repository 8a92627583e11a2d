/*
 * Where each section of a module goes: the core or the init region, and
 * in it the code, read-only or writable part (internal.h draws the picture).
 * Exports come first in core rodata so they form one array, as linker.ld
 * arranges the kernel's; the GOT for GOTPCREL relocations follows.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/moduleparam.h>
#include <kernel/string.h>
#include "internal.h"

/*
 * While laying out, a loaded section's sh_entsize holds its offset in its
 * region, with this bit set for the init region (as Linux does); the field
 * means nothing for the sections a module loads.
 */
#define LAYOUT_INIT_BIT (1ull << 63)
#define LAYOUT_UNSET (~0ull)

/* Larger than any sane module; keeps every size sum far from overflow. */
#define MODULE_SECTION_MAX (64ul << 20)
#define MODULE_REGION_MAX (256ul << 20)

/*
 * Inlined, the compiler counts a literal prefix itself: every section of
 * every module loaded is checked against four of them.
 */
static inline bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, __builtin_strlen(prefix));
}

/*
 * Sections nothing reads once the module runs: the loader reads .modinfo
 * from the file; unwind tables (.eh_frame, only from -fasynchronous-unwind-
 * tables) have no unwinder to use them, so they and their relocations go.
 */
static bool section_dropped(const char *name)
{
	return !strcmp(name, ".modinfo") || !strcmp(name, ".eh_frame") ||
	       !strcmp(name, ".comment") || starts_with(name, ".note");
}

static enum module_part section_part(const Elf64_Shdr *s)
{
	if (s->sh_flags & SHF_EXECINSTR)
		return PART_TEXT;
	return (s->sh_flags & SHF_WRITE) ? PART_DATA : PART_RODATA;
}

/* Append section @i to @r, at the next offset its alignment allows. */
static void place(struct load_info *info, struct module_region *r, bool init,
		  unsigned int i)
{
	Elf64_Shdr *s = &info->sechdrs[i];
	size_t align = s->sh_addralign ? s->sh_addralign : 1;
	size_t off = ALIGN_UP(r->size, align);

	s->sh_entsize = off | (init ? LAYOUT_INIT_BIT : 0);
	r->size = off + s->sh_size;
}

/*
 * The special tables a module may carry: the loader's own and those
 * registered from above, the i-th being TABLE_REGISTERED + i.  Exports are
 * one section per symbol ("___ksymtab+name"); the others have exact names.
 * A section whose name only looks like one (say "__paramZ") is refused, so
 * that the loader and its checks never disagree on what a table is.
 */
enum {
	TABLE_LOOKALIKE = -1,
	TABLE_NONE,
	TABLE_KSYMTAB,
	TABLE_KSYMTAB_GPL,
	TABLE_PARAM,
	TABLE_REGISTERED
};

static int table_kind(const struct load_info *info, const char *name)
{
	if (starts_with(name, KSYMTAB_PREFIX))
		return TABLE_KSYMTAB;
	if (starts_with(name, KSYMTAB_GPL_PREFIX))
		return TABLE_KSYMTAB_GPL;
	if (!strcmp(name, "__param"))
		return TABLE_PARAM;
	if (starts_with(name, "___ksymtab") || starts_with(name, "__param"))
		return TABLE_LOOKALIKE;
	for (size_t i = 0; i < info->num_tables; i++) {
		if (!strcmp(name, info->tables[i]->section))
			return TABLE_REGISTERED + (int)i;
		if (starts_with(name, info->tables[i]->section))
			return TABLE_LOOKALIKE;
	}
	return TABLE_NONE;
}

/* The size of an entry of table @kind (> TABLE_NONE). */
static size_t table_entry_size(const struct load_info *info, int kind)
{
	if (kind == TABLE_KSYMTAB || kind == TABLE_KSYMTAB_GPL)
		return sizeof(struct kernel_symbol);
	if (kind == TABLE_PARAM)
		return sizeof(struct kernel_param);
	return info->tables[kind - TABLE_REGISTERED]->entry_size;
}

/*
 * Place every not yet placed section of @part that is a table of @kind
 * (TABLE_NONE: any section).  Returns how many it placed.
 */
static unsigned int place_matching(struct load_info *info, bool init,
				   enum module_part part, int kind)
{
	struct module_region *r = &info->region[init ? MOD_INIT : MOD_CORE];
	unsigned int placed = 0;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];
		const char *name = module_section_name(info, i);

		if (!(s->sh_flags & SHF_ALLOC) ||
		    s->sh_entsize != LAYOUT_UNSET || section_part(s) != part ||
		    starts_with(name, ".init.") != init ||
		    (kind != TABLE_NONE && table_kind(info, name) != kind))
			continue;
		place(info, r, init, i);
		placed++;
	}
	return placed;
}

/*
 * The export, parameter and registered tables must be whole arrays of
 * their entries, in core read-only data.
 */
static int check_table_sections(struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const char *name = module_section_name(info, i);
		const Elf64_Shdr *s = &info->sechdrs[i];
		int kind = table_kind(info, name);
		size_t entry;

		if (kind == TABLE_NONE)
			continue;
		if (kind == TABLE_LOOKALIKE)
			return module_reject(info,
					     "section %u (%s): named like a special table but is not one",
					     i, name);
		entry = table_entry_size(info, kind);
		if (s->sh_size % entry || s->sh_addralign < 8 ||
		    s->sh_type != SHT_PROGBITS || !(s->sh_flags & SHF_ALLOC) ||
		    (s->sh_flags & (SHF_WRITE | SHF_EXECINSTR)))
			return module_reject(info,
					     "section %u (%s): not a read-only table of %zu-byte entries",
					     i, name, entry);
	}
	return 0;
}

/* Count GOT slots: one per GOTPCREL-family relocation of a loaded section. */
static size_t count_got_slots(const struct load_info *info)
{
	size_t n = 0;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];
		const Elf64_Rela *rela;

		if (s->sh_type != SHT_RELA ||
		    !module_section_loaded(info, s->sh_info))
			continue;
		rela = (const Elf64_Rela *)((char *)info->hdr + s->sh_offset);
		for (size_t k = 0; k < s->sh_size / sizeof(*rela); k++) {
			uint32_t type = ELF64_R_TYPE(rela[k].r_info);

			n += module_reloc_uses_got(type);
		}
	}
	return n;
}

/*
 * Core read-only part: exports, GPL exports, parameters, the registered
 * tables in order, the rest, GOT.
 */
static void layout_core_ro(struct load_info *info)
{
	struct module_region *core = &info->region[MOD_CORE];
	size_t start;

	core->size = ALIGN_UP(core->size, 8);
	start = core->size;
	place_matching(info, false, PART_RODATA, TABLE_KSYMTAB);
	info->num_ksyms = (core->size - start) / sizeof(struct kernel_symbol);
	info->ksyms_addr = start;
	start = core->size;
	place_matching(info, false, PART_RODATA, TABLE_KSYMTAB_GPL);
	info->num_gpl_ksyms =
		(core->size - start) / sizeof(struct kernel_symbol);
	info->gpl_ksyms_addr = start;
	start = core->size;
	place_matching(info, false, PART_RODATA, TABLE_PARAM);
	info->num_params = (core->size - start) / sizeof(struct kernel_param);
	info->params_addr = start;
	for (size_t i = 0; i < info->num_tables; i++) {
		struct module_table_place *t = &info->table[i];

		start = core->size;
		t->present = place_matching(info, false, PART_RODATA,
					    TABLE_REGISTERED + (int)i) > 0;
		t->count = (core->size - start) / info->tables[i]->entry_size;
		t->addr = start;
	}
	place_matching(info, false, PART_RODATA, TABLE_NONE);
	core->size = ALIGN_UP(core->size, 8);
	info->got_addr = core->size;
	info->got_slots = count_got_slots(info);
	core->size += info->got_slots * sizeof(uint64_t);
}

/* lab: 09 module-layout */
int module_layout(struct load_info *info,
		  const struct module_table_ops *const *tables, size_t ntables)
{
	int err;

	info->tables = tables;
	info->num_tables = ntables;
	err = check_table_sections(info);
	if (err)
		return err;
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		Elf64_Shdr *s = &info->sechdrs[i];

		if (section_dropped(module_section_name(info, i)))
			s->sh_flags &= ~(uint64_t)SHF_ALLOC;
		if ((s->sh_flags & (SHF_WRITE | SHF_EXECINSTR)) ==
			    (SHF_WRITE | SHF_EXECINSTR) &&
		    (s->sh_flags & SHF_ALLOC))
			return module_reject(info,
					     "section %u (%s) is both writable and executable",
					     i, module_section_name(info, i));
		if (!(s->sh_flags & SHF_ALLOC))
			continue;
		/* Regions are page-aligned: a larger alignment cannot be met. */
		if (s->sh_addralign > PAGE_SIZE ||
		    s->sh_size > MODULE_SECTION_MAX)
			return module_reject(info,
					     "section %u (%s): alignment %llu or size %#llx too large",
					     i, module_section_name(info, i),
					     (unsigned long long)s->sh_addralign,
					     (unsigned long long)s->sh_size);
		s->sh_entsize = LAYOUT_UNSET;
	}
	/* excerpt: layout-regions */
	for (int init = 0; init <= 1; init++) {
		struct module_region *r = &info->region[init];

		place_matching(info, init, PART_TEXT, TABLE_NONE);
		r->text_size = r->size = ALIGN_UP(r->size, PAGE_SIZE);
		if (init)
			place_matching(info, true, PART_RODATA, TABLE_NONE);
		else
			layout_core_ro(info);
		r->ro_size = r->size = ALIGN_UP(r->size, PAGE_SIZE);
		place_matching(info, init, PART_DATA, TABLE_NONE);
		r->size = ALIGN_UP(r->size, PAGE_SIZE);
		if (r->size > MODULE_REGION_MAX)
			return module_reject(info,
					     "%s region of %zu bytes too large",
					     init ? "init" : "core", r->size);
	}
	/* excerpt-end: layout-regions */
	return 0;
}
/* lab-end: 09 module-layout */

void module_layout_place(struct load_info *info)
{
	struct module_region *core = &info->region[MOD_CORE];

	for (int r = 0; r < MOD_REGIONS; r++)
		if (info->region[r].size)
			memset(info->region[r].mem, 0, info->region[r].size);
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		Elf64_Shdr *s = &info->sechdrs[i];
		bool init = s->sh_entsize & LAYOUT_INIT_BIT;
		struct module_region *r =
			&info->region[init ? MOD_INIT : MOD_CORE];
		uint64_t off = s->sh_entsize & ~LAYOUT_INIT_BIT;

		if (!(s->sh_flags & SHF_ALLOC))
			continue;
		s->sh_addr = r->addr + off;
		/* An empty section may sit in an empty (unallocated) region. */
		if (s->sh_type != SHT_NOBITS && s->sh_size)
			memcpy((char *)r->mem + off,
			       (char *)info->hdr + s->sh_offset, s->sh_size);
	}
	info->ksyms_addr += core->addr;
	info->gpl_ksyms_addr += core->addr;
	info->params_addr += core->addr;
	for (size_t i = 0; i < info->num_tables; i++)
		info->table[i].addr += core->addr;
	info->got_addr += core->addr;
}
