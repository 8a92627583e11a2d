/*
 * The argument splitter shared by the command line, module parameters and
 * the shell (include/kernel/args.h).  Pure code.
 */
#include <kernel/args.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

bool args_next(char **s, char **key, char **val)
{
	char *p = *s, *out;
	bool quoted = false;

	while (is_blank(*p))
		p++;
	if (!*p) {
		*s = p;
		return false;
	}
	*key = out = p;
	*val = NULL;
	/* Copy in place, dropping quotes, so a="x y" becomes a=x y. */
	for (; *p && (quoted || !is_blank(*p)); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (*p == '=' && !*val) {
			*out++ = '\0';
			*val = out;
			continue;
		}
		*out++ = *p;
	}
	if (*p)
		p++;
	*out = '\0';
	*s = p;
	return true;
}

char *args_word(char **s)
{
	char *key, *val;

	if (!args_next(s, &key, &val))
		return NULL;
	if (val)
		val[-1] = '='; /* where args_next() put the NUL */
	return key;
}
