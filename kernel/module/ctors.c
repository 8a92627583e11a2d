/*
 * A module's constructors: the functions __attribute__((constructor)) puts
 * in .init_array (.ctors with older compilers).  As Linux does with
 * CONFIG_CONSTRUCTORS, the kernel runs them just before init_module; here
 * they are found and each entry checked to be a function of the module's
 * own code.  Pure: runs after relocation, on the image.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

#define CTOR_SIZE sizeof(uint64_t) /* one function pointer */

/*
 * The loaded section named @name, or 0; @prefixed: the first whose name
 * starts "@name." instead (a constructor priority, as in ".init_array.101").
 */
static unsigned int find_section(const struct load_info *info, const char *name,
				 bool prefixed)
{
	size_t n = strlen(name);

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const char *s = module_section_name(info, i);

		if (!module_section_loaded(info, i))
			continue;
		if (prefixed ? !strncmp(s, name, n) && s[n] == '.' :
			       !strcmp(s, name))
			return i;
	}
	return 0;
}

/* Is @addr in the code of the core or the init region? */
static bool in_code(const struct load_info *info, uint64_t addr)
{
	for (int r = 0; r < MOD_REGIONS; r++) {
		const struct module_region *reg = &info->region[r];

		if (in_region(addr, 1, reg->addr, reg->text_size))
			return true;
	}
	return false;
}

/* Every entry of constructor section @sec: a function of the module's. */
static int check_ctors(struct load_info *info, unsigned int sec)
{
	const Elf64_Shdr *s = &info->sechdrs[sec];
	const char *entries = module_addr_to_mem(info, s->sh_addr);

	if (s->sh_size % CTOR_SIZE || !IS_ALIGNED(s->sh_addr, CTOR_SIZE))
		return module_reject(info,
				     "section %u (%s): not an array of %zu-byte function pointers",
				     sec, module_section_name(info, sec),
				     CTOR_SIZE);
	for (size_t i = 0; i < s->sh_size / CTOR_SIZE; i++) {
		uint64_t fn;

		memcpy(&fn, entries + i * CTOR_SIZE, sizeof(fn));
		if (!in_code(info, fn))
			return module_reject(info,
					     "section %u (%s) entry %zu: constructor %#llx is not in the module's code",
					     sec,
					     module_section_name(info, sec), i,
					     (unsigned long long)fn);
	}
	return 0;
}

int module_find_ctors(struct load_info *info, uint64_t *addr, size_t *count)
{
	unsigned int ctors = find_section(info, ".ctors", false);
	unsigned int init_array = find_section(info, ".init_array", false);
	unsigned int prio = find_section(info, ".init_array", true);
	unsigned int sec = ctors ? ctors : init_array;
	int err;

	*addr = 0;
	*count = 0;
	if (!prio)
		prio = find_section(info, ".ctors", true);
	/* A linker script would sort these into one array; ld -r does not. */
	if (prio)
		return module_reject(info,
				     "section %u (%s): constructors with a priority are not supported",
				     prio, module_section_name(info, prio));
	if (ctors && init_array)
		return module_reject(info, "has both .ctors and .init_array");
	if (!sec || !info->sechdrs[sec].sh_size)
		return 0;
	err = check_ctors(info, sec);
	if (err)
		return err;
	*addr = info->sechdrs[sec].sh_addr;
	*count = info->sechdrs[sec].sh_size / CTOR_SIZE;
	return 0;
}
