/*
 * Relocatable ELF files of many one-byte sections, made in memory: what
 * make bench and the loader's unit tests feed the section checks to time
 * and test them under hostile section counts.  Pure: no allocation.
 */
#include <kernel/elf.h>
#include <kernel/string.h>
#include "internal.h"

#define SYNTH_NAMES "\0.s" /* the name table: one name, ".s" */

size_t module_synth_elf_size(unsigned int n)
{
	return ALIGN_UP(sizeof(Elf64_Ehdr) + sizeof(SYNTH_NAMES) + (n - 2), 8) +
	       (size_t)n * sizeof(Elf64_Shdr);
}

void module_synth_elf(void *buf, unsigned int n)
{
	size_t data = sizeof(Elf64_Ehdr) + sizeof(SYNTH_NAMES);
	size_t shoff = ALIGN_UP(data + (n - 2), 8);
	Elf64_Ehdr *h = buf;
	Elf64_Shdr *sh = (Elf64_Shdr *)((uint8_t *)buf + shoff);

	memset(buf, 0, module_synth_elf_size(n));
	memcpy(h->e_ident, ELFMAG, SELFMAG);
	h->e_ident[EI_CLASS] = ELFCLASS64;
	h->e_ident[EI_DATA] = ELFDATA2LSB;
	h->e_ident[EI_VERSION] = EV_CURRENT;
	h->e_version = EV_CURRENT;
	h->e_type = ET_REL;
	h->e_machine = EM_X86_64;
	h->e_ehsize = sizeof(Elf64_Ehdr);
	h->e_shentsize = sizeof(Elf64_Shdr);
	h->e_shnum = (uint16_t)n;
	h->e_shstrndx = 1;
	h->e_shoff = shoff;
	memcpy((uint8_t *)buf + sizeof(*h), SYNTH_NAMES, sizeof(SYNTH_NAMES));
	sh[1] = (Elf64_Shdr){ .sh_type = SHT_STRTAB,
			      .sh_offset = sizeof(*h),
			      .sh_size = sizeof(SYNTH_NAMES),
			      .sh_addralign = 1 };
	for (unsigned int i = 2; i < n; i++)
		sh[i] = (Elf64_Shdr){ .sh_name = 1,
				      .sh_type = SHT_PROGBITS,
				      .sh_offset = data + (i - 2),
				      .sh_size = 1,
				      .sh_addralign = 1 };
}
