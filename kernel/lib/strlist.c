/*
 * Comma-separated lists, as the command line writes them (modules=a,b,
 * module_blacklist=, initcall_blacklist=) and as array parameters take
 * them (list=1,2,3).  One splitter for all of them; pure code that neither
 * allocates nor writes, so the host unit tests and fuzzers run it as is.
 */
#include <kernel/string.h>

bool strlist_next(const char **rest, const char **item, size_t *len)
{
	const char *p = *rest, *comma;

	if (!p)
		return false;
	comma = strchr(p, ',');
	*item = p;
	*len = comma ? (size_t)(comma - p) : strlen(p);
	*rest = comma ? comma + 1 : NULL;
	return true;
}

bool strlist_contains(const char *list, const char *name)
{
	size_t name_len = strlen(name), len;
	const char *item;

	while (strlist_next(&list, &item, &len))
		if (len && len == name_len && !strncmp(item, name, len))
			return true;
	return false;
}
