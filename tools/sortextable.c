/*
 * sortextable: sort the exception table of a linked kernel image in place,
 * so that the kernel can binary-search it from the first fault on (Linux's
 * scripts/sorttable does the same).  The sort is kernel/lib/extable.c's.
 *
 *   sortextable IMAGE.elf
 */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/extable.h>

#define EXTABLE_NAME "__ex_table"

static int fail(const char *path, const char *what)
{
	fprintf(stderr, "sortextable: %s: %s\n", path, what);
	return 1;
}

static unsigned char *read_image(const char *path, long *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (*size = ftell(f)) > 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc(*size)) &&
	    fread(buf, 1, *size, f) != (size_t)*size) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* The section header of __ex_table in the ELF64 image @img, or NULL. */
static Elf64_Shdr *find_extable(unsigned char *img, long size)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)img;
	Elf64_Shdr *sh, *strtab;
	int i;

	if (size < (long)sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_shstrndx >= eh->e_shnum ||
	    eh->e_shoff + (uint64_t)eh->e_shnum * sizeof(*sh) > (uint64_t)size)
		return NULL;
	sh = (Elf64_Shdr *)(img + eh->e_shoff);
	strtab = &sh[eh->e_shstrndx];
	for (i = 0; i < eh->e_shnum; i++) {
		if (strtab->sh_offset + sh[i].sh_name >= (uint64_t)size)
			return NULL;
		if (!strcmp((char *)img + strtab->sh_offset + sh[i].sh_name,
			    EXTABLE_NAME))
			return &sh[i];
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct exception_table_entry *tab;
	unsigned char *img;
	Elf64_Shdr *sh;
	long size;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: sortextable IMAGE.elf\n");
		return 2;
	}
	img = read_image(argv[1], &size);
	if (!img)
		return fail(argv[1], "cannot read the image");
	sh = find_extable(img, size);
	if (!sh || sh->sh_offset + sh->sh_size > (uint64_t)size ||
	    sh->sh_size % sizeof(*tab))
		return fail(argv[1], "no well-formed " EXTABLE_NAME " section");
	tab = (struct exception_table_entry *)(img + sh->sh_offset);
	extable_sort(tab, sh->sh_size / sizeof(*tab));
	f = fopen(argv[1], "r+b");
	if (!f || fseek(f, sh->sh_offset, SEEK_SET) ||
	    fwrite(tab, 1, sh->sh_size, f) != sh->sh_size || fclose(f))
		return fail(argv[1], "cannot write the sorted table");
	free(img);
	return 0;
}
