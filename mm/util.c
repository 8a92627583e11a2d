/*
 * Copies into kmalloc memory, as Linux's mm/util.c has them: kstrdup,
 * kstrndup, kmemdup.  They live in mm because they allocate; the string
 * library below mm must not.
 */
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/slab.h>
#include <kernel/string.h>

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}
EXPORT_SYMBOL(kstrndup);

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}
EXPORT_SYMBOL(kstrdup);
