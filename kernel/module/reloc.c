/*
 * x86-64 relocations for modules (x86-64 psABI §4.4).  Modules are built
 * with -mcmodel=kernel and loaded within 2 GiB of the kernel, so 32-bit
 * PC-relative and sign-extended fields always reach; each one is still
 * checked, because a module built for another code model would otherwise
 * be silently corrupted.  GOTPCREL references get slots in a small
 * per-module GOT (core rodata, filled here before it is made read-only).
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

/* One relocation being applied, for the messages. */
struct reloc_site {
	unsigned int sec; /* the relocation section */
	const Elf64_Rela *rela;
	const Elf64_Sym *sym;
	uint64_t where; /* P: run address of the field */
	void *loc;	/* its writable alias */
};

/* "R_X86_64_PC32", or "type 200" (in @buf) for a number without a name. */
static const char *type_name(uint32_t type, char *buf, size_t size)
{
	const char *name = module_reloc_name(type);

	if (name)
		return name;
	snprintf(buf, size, "type %u", type);
	return buf;
}

static int reloc_reject(struct load_info *info, const struct reloc_site *site,
			const char *what, uint64_t value)
{
	uint32_t type = ELF64_R_TYPE(site->rela->r_info);
	char tname[24];
	const char *name = type_name(type, tname, sizeof(tname));

	if (module_reloc_size(type) < 0)
		return module_reject(info,
				     "section %u (%s): %s relocation at offset %#llx against symbol %s: %s",
				     site->sec,
				     module_section_name(info, site->sec), name,
				     (unsigned long long)site->rela->r_offset,
				     module_symbol_name(info, site->sym), what);
	return module_reject(info,
			     "section %u (%s): %s relocation at offset %#llx against symbol %s: %s (value %#llx)",
			     site->sec, module_section_name(info, site->sec),
			     name, (unsigned long long)site->rela->r_offset,
			     module_symbol_name(info, site->sym), what,
			     (unsigned long long)value);
}

/*
 * The symbol of @site is defined in a section the module does not load (a
 * dropped one such as .comment, or one without SHF_ALLOC): it has no run
 * address to relocate against.
 */
static int reject_unloaded(struct load_info *info,
			   const struct reloc_site *site)
{
	unsigned int shndx = site->sym->st_shndx;
	char tname[24];

	return module_reject(info,
			     "section %u (%s): %s relocation at offset %#llx against symbol %s: the symbol is in section %u (%s), which is not loaded",
			     site->sec, module_section_name(info, site->sec),
			     type_name(ELF64_R_TYPE(site->rela->r_info), tname,
				       sizeof(tname)),
			     (unsigned long long)site->rela->r_offset,
			     module_symbol_name(info, site->sym), shndx,
			     module_section_name(info, shndx));
}

/* excerpt: reloc-write32 */
/* A 32-bit field must hold exactly the value the instruction will see. */
static int write32(struct load_info *info, const struct reloc_site *site,
		   uint64_t value, bool is_signed)
{
	bool fits = is_signed ? (int64_t)value == (int32_t)value :
				value == (uint32_t)value;
	uint32_t v = (uint32_t)value, old;

	if (!fits)
		return reloc_reject(info, site,
				    "overflows 32 bits; the module was likely not built with -mcmodel=kernel",
				    value);
	memcpy(&old, site->loc, sizeof(old));
	if (old)
		return reloc_reject(info, site, "field already non-zero", old);
	memcpy(site->loc, &v, sizeof(v));
	return 0;
}
/* excerpt-end: reloc-write32 */

static int write64(struct load_info *info, const struct reloc_site *site,
		   uint64_t value)
{
	uint64_t old;

	memcpy(&old, site->loc, sizeof(old));
	if (old)
		return reloc_reject(info, site, "field already non-zero", old);
	memcpy(site->loc, &value, sizeof(value));
	return 0;
}

/* excerpt: reloc-got */
/* A GOT slot holding @value; its run address. */
static uint64_t got_slot(struct load_info *info, uint64_t value)
{
	uint64_t slot = info->got_addr + info->got_used++ * sizeof(uint64_t);

	memcpy(module_addr_to_mem(info, slot), &value, sizeof(value));
	return slot;
}
/* excerpt-end: reloc-got */

/* lab: 09 apply-one */
/* excerpt: reloc-apply */
static int apply_one(struct load_info *info, const struct reloc_site *site)
{
	uint32_t type = ELF64_R_TYPE(site->rela->r_info);
	uint64_t s = site->sym->st_value, p = site->where;
	uint64_t a =
		(uint64_t)site->rela->r_addend; /* wraps as the psABI sums */

	switch (type) {
	case R_X86_64_NONE:
		return 0;
	case R_X86_64_64:
		return write64(info, site, s + a);
	case R_X86_64_PC64:
		return write64(info, site, s + a - p);
	case R_X86_64_32:
		return write32(info, site, s + a, false);
	case R_X86_64_32S:
		return write32(info, site, s + a, true);
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
		/* No PLT: the callee is within reach, call it directly. */
		return write32(info, site, s + a - p, true);
	case R_X86_64_GOTPCREL:
	case R_X86_64_GOTPCRELX:
	case R_X86_64_REX_GOTPCRELX:
		return write32(info, site, got_slot(info, s) + a - p, true);
	default:
		return reloc_reject(info, site,
				    "type not supported by the module loader",
				    0);
	}
}
/* excerpt-end: reloc-apply */
/* lab-end: 09 apply-one */

static int apply_section(struct load_info *info, unsigned int sec)
{
	const Elf64_Shdr *s = &info->sechdrs[sec];
	const Elf64_Shdr *target = &info->sechdrs[s->sh_info];
	const Elf64_Rela *rela =
		(const Elf64_Rela *)((char *)info->hdr + s->sh_offset);
	struct reloc_site site = { .sec = sec };
	int err;

	for (size_t k = 0; k < s->sh_size / sizeof(*rela); k++) {
		site.rela = &rela[k];
		site.sym = &info->syms[ELF64_R_SYM(rela[k].r_info)];
		site.where = target->sh_addr + rela[k].r_offset;
		site.loc = module_addr_to_mem(info, site.where);
		if (site.sym->st_shndx != SHN_UNDEF &&
		    site.sym->st_shndx != SHN_ABS &&
		    !module_section_loaded(info, site.sym->st_shndx))
			return reject_unloaded(info, &site);
		err = apply_one(info, &site);
		if (err)
			return err;
	}
	return 0;
}

int module_apply_relocations(struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];
		int err;

		/* Relocations of .debug_* or dropped sections: not loaded. */
		if (s->sh_type != SHT_RELA ||
		    !module_section_loaded(info, s->sh_info))
			continue;
		err = apply_section(info, i);
		if (err)
			return err;
	}
	return 0;
}
