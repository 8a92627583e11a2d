/*
 * What a module's .modinfo decides about its load: the version magic must
 * be this kernel's, and the license says whether it may use GPL-only
 * exports.  Pure steps (no allocation, no printing): the fuzzer runs them
 * on the .modinfo of any file module_elf_check() accepts.
 */
#include <kernel/errno.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "internal.h"

bool module_license_gpl_compatible(const char *license)
{
	/* The licenses Linux's license_is_gpl_compatible() accepts. */
	static const char *const gpl[] = {
		"GPL",		"GPL v2",	"GPL and additional rights",
		"Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"
	};

	for (size_t i = 0; license && i < ARRAY_SIZE(gpl); i++)
		if (!strcmp(license, gpl[i]))
			return true;
	return false;
}

int module_check_vermagic(struct load_info *info)
{
	const char *magic =
		modinfo_get(info->modinfo, info->modinfo_size, "vermagic", 0);

	if (magic && !strcmp(magic, VERMAGIC_STRING))
		return 0;
	snprintf(info->why, sizeof(info->why),
		 "%s: version magic '%s' should be '%s'", info->name,
		 magic ? magic : "(none)", VERMAGIC_STRING);
	return -ENOEXEC;
}

const char *modinfo_get(const char *modinfo, size_t size, const char *tag,
			unsigned int n)
{
	size_t taglen = strlen(tag);
	const char *p = modinfo, *end;

	if (!p) /* no .modinfo (NULL + 0 would be undefined) */
		return NULL;
	/* The strings may be separated by padding NULs. */
	for (end = p + size; p < end; p += strlen(p) + 1)
		if (!strncmp(p, tag, taglen) && p[taglen] == '=' && n-- == 0)
			return p + taglen + 1;
	return NULL;
}
