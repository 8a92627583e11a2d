/*
 * What a module's .modinfo decides about its load: the version magic must
 * be this kernel's, the license says whether it may use GPL-only exports,
 * and its name must be one Linux's KBUILD_MODNAME could be.  Pure steps (no allocation, no printing): the fuzzer runs them
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

/* A byte of a KBUILD_MODNAME, or '-', which the loader makes '_'. */
static bool module_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/*
 * @s for a message: printable ASCII as it is, any other byte as \ooo (so
 * an escape sequence in a hostile name reaches no terminal), cut to fit.
 */
static void escape_bytes(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 5 <= size; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= ' ' && c < 0x7f)
			out[n++] = (char)c;
		else
			n += (size_t)snprintf(out + n, size - n, "\\%03o", c);
	}
	out[n] = '\0';
}

int module_check_name(struct load_info *info, const char *name,
		      const char *from)
{
	char shown[2 * MODULE_NAME_LEN];
	const char *p = name;

	while (module_name_char(*p))
		p++;
	if (*name && !*p && p - name < MODULE_NAME_LEN)
		return 0;
	escape_bytes(name, shown, sizeof(shown));
	return module_reject(info,
			     "bad module name '%s' (%s): a module name is 1 to %d letters, digits and '_'",
			     shown, from, MODULE_NAME_LEN - 1);
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
