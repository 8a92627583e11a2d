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

struct reloc_type {
	const char *name;
	int size; /* bytes written; -1: not applied by this loader */
};

static const struct reloc_type reloc_types[] = {
	[R_X86_64_NONE] = { "R_X86_64_NONE", 0 },
	[R_X86_64_64] = { "R_X86_64_64", 8 },
	[R_X86_64_PC32] = { "R_X86_64_PC32", 4 },
	[R_X86_64_GOT32] = { "R_X86_64_GOT32", -1 },
	[R_X86_64_PLT32] = { "R_X86_64_PLT32", 4 },
	[R_X86_64_COPY] = { "R_X86_64_COPY", -1 },
	[R_X86_64_GLOB_DAT] = { "R_X86_64_GLOB_DAT", -1 },
	[R_X86_64_JUMP_SLOT] = { "R_X86_64_JUMP_SLOT", -1 },
	[R_X86_64_RELATIVE] = { "R_X86_64_RELATIVE", -1 },
	[R_X86_64_GOTPCREL] = { "R_X86_64_GOTPCREL", 4 },
	[R_X86_64_32] = { "R_X86_64_32", 4 },
	[R_X86_64_32S] = { "R_X86_64_32S", 4 },
	[R_X86_64_16] = { "R_X86_64_16", -1 },
	[R_X86_64_PC16] = { "R_X86_64_PC16", -1 },
	[R_X86_64_8] = { "R_X86_64_8", -1 },
	[R_X86_64_PC8] = { "R_X86_64_PC8", -1 },
	[R_X86_64_DTPMOD64] = { "R_X86_64_DTPMOD64", -1 },
	[R_X86_64_DTPOFF64] = { "R_X86_64_DTPOFF64", -1 },
	[R_X86_64_TPOFF64] = { "R_X86_64_TPOFF64", -1 },
	[R_X86_64_TLSGD] = { "R_X86_64_TLSGD", -1 },
	[R_X86_64_TLSLD] = { "R_X86_64_TLSLD", -1 },
	[R_X86_64_DTPOFF32] = { "R_X86_64_DTPOFF32", -1 },
	[R_X86_64_GOTTPOFF] = { "R_X86_64_GOTTPOFF", -1 },
	[R_X86_64_TPOFF32] = { "R_X86_64_TPOFF32", -1 },
	[R_X86_64_PC64] = { "R_X86_64_PC64", 8 },
	[R_X86_64_GOTOFF64] = { "R_X86_64_GOTOFF64", -1 },
	[R_X86_64_GOTPC32] = { "R_X86_64_GOTPC32", -1 },
	[R_X86_64_SIZE32] = { "R_X86_64_SIZE32", -1 },
	[R_X86_64_SIZE64] = { "R_X86_64_SIZE64", -1 },
	[R_X86_64_GOTPC32_TLSDESC] = { "R_X86_64_GOTPC32_TLSDESC", -1 },
	[R_X86_64_TLSDESC_CALL] = { "R_X86_64_TLSDESC_CALL", -1 },
	[R_X86_64_TLSDESC] = { "R_X86_64_TLSDESC", -1 },
	[R_X86_64_IRELATIVE] = { "R_X86_64_IRELATIVE", -1 },
	[R_X86_64_GOTPCRELX] = { "R_X86_64_GOTPCRELX", 4 },
	[R_X86_64_REX_GOTPCRELX] = { "R_X86_64_REX_GOTPCRELX", 4 },
};

const char *module_reloc_name(uint32_t type)
{
	return type < ARRAY_SIZE(reloc_types) ? reloc_types[type].name : NULL;
}

int module_reloc_size(uint32_t type)
{
	if (type >= ARRAY_SIZE(reloc_types) || !reloc_types[type].name)
		return -1;
	return reloc_types[type].size;
}

bool module_reloc_uses_got(uint32_t type)
{
	return type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX ||
	       type == R_X86_64_REX_GOTPCRELX;
}

/* One relocation being applied, for the messages. */
struct reloc_site {
	unsigned int sec; /* the relocation section */
	const Elf64_Rela *rela;
	const Elf64_Sym *sym;
	uint64_t where; /* P: run address of the field */
	void *loc;	/* its writable alias */
};

static int reloc_reject(struct load_info *info, const struct reloc_site *site,
			const char *what, uint64_t value)
{
	uint32_t type = ELF64_R_TYPE(site->rela->r_info);
	const char *name = module_reloc_name(type);
	char tname[24];

	if (!name) {
		snprintf(tname, sizeof(tname), "type %u", type);
		name = tname;
	}
	if (!reloc_types[type < ARRAY_SIZE(reloc_types) ? type : 0].name ||
	    module_reloc_size(type) < 0)
		return module_reject(
			info,
			"section %u (%s): %s relocation at offset %#llx against symbol %s: %s",
			site->sec, module_section_name(info, site->sec), name,
			(unsigned long long)site->rela->r_offset,
			module_symbol_name(info, site->sym), what);
	return module_reject(
		info,
		"section %u (%s): %s relocation at offset %#llx against symbol %s: %s (value %#llx)",
		site->sec, module_section_name(info, site->sec), name,
		(unsigned long long)site->rela->r_offset,
		module_symbol_name(info, site->sym), what,
		(unsigned long long)value);
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
		return reloc_reject(
			info, site,
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
			return reloc_reject(
				info, &site,
				"symbol is in a section that is not loaded",
				site.sym->st_shndx);
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
