/*
 * The x86-64 relocation types a module may carry (x86-64 psABI §4.4,
 * table 4.9): each one's name and how many bytes it writes, or that this
 * loader does not apply it.  elf.c checks offsets with the sizes, layout.c
 * sizes the GOT, reloc.c applies them and names them in its messages.
 */
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
