/*
 * Loading modules by name as modprobe does: a depth-first walk that loads
 * each dependency before its user, keeps the chain it is on to report a
 * cycle or a missing module, and needs no allocation.  Also the readers of
 * /lib/modules/modules.dep and /etc/modules.  Pure code, built on the host.
 */
#include <kernel/errno.h>
#include <kernel/modprobe.h>
#include <kernel/string.h>

#define MODULE_SUFFIX ".ko"

struct modprobe_walk {
	const struct modprobe_ops *ops;
	void *ctx;
	char chain[MODPROBE_DEPTH_MAX][MODULE_NAME_LEN];
	size_t depth;
};

/* Report "@what: a -> b -> @last" (the chain walked so far, then @last). */
static void walk_report(struct modprobe_walk *w, const char *what,
			const char *last)
{
	char msg[MODPROBE_MSG_MAX];
	size_t n = (size_t)snprintf(msg, sizeof(msg), "modprobe: %s: ", what);

	for (size_t i = 0; i < w->depth && n < sizeof(msg); i++)
		n += (size_t)snprintf(msg + n, sizeof(msg) - n, "%s -> ",
				      w->chain[i]);
	if (n < sizeof(msg))
		snprintf(msg + n, sizeof(msg) - n, "%s", last);
	w->ops->report(w->ctx, msg);
}

/* excerpt: modprobe-walk */
static int walk(struct modprobe_walk *w, const char *name, const char *args)
{
	struct modprobe_dep_pos pos = { false, 0, 0 };
	char dep[MODULE_NAME_LEN];
	int ret;

	for (size_t i = 0; i < w->depth; i++)
		if (module_name_eq(w->chain[i], strlen(w->chain[i]), name)) {
			walk_report(w, "dependency cycle", name);
			return -ELOOP;
		}
	if (w->ops->loaded(w->ctx, name))
		return 0;
	if (w->depth == MODPROBE_DEPTH_MAX) {
		walk_report(w, "dependency chain too long", name);
		return -ELOOP;
	}
	/* Every name here fits: checked on entry, or written by ops->dep. */
	memcpy(w->chain[w->depth++], name, strlen(name) + 1);
	/* A dependency listed twice is found loaded the second time. */
	while ((ret = w->ops->dep(w->ctx, name, &pos, dep)) > 0) {
		ret = walk(w, dep, "");
		if (ret)
			goto out_pop;
	}
	if (ret < 0) {
		/* Report here, where the chain still ends at @name's user. */
		w->depth--;
		walk_report(w,
			    ret != -ENOENT ? "bad dependency list" :
			    w->depth	   ? "missing dependency" :
					     "module not found",
			    name);
		return ret;
	}
	if (!ret)
		ret = w->ops->load(w->ctx, name, args);
out_pop:
	w->depth--;
	return ret;
}
/* excerpt-end: modprobe-walk */

int modprobe_resolve(const struct modprobe_ops *ops, void *ctx,
		     const char *name, const char *args)
{
	struct modprobe_walk w = { .ops = ops, .ctx = ctx };

	if (strnlen(name, MODULE_NAME_LEN) == MODULE_NAME_LEN) {
		walk_report(&w, "module name too long", name);
		return -ENAMETOOLONG;
	}
	return walk(&w, name, args ? args : "");
}

/* The module name in a modules.dep path: "lib/modules/a-b.ko" -> "a-b". */
static void dep_path_name(const char *path, size_t len, const char **name,
			  size_t *name_len)
{
	size_t start = len, suffix = strlen(MODULE_SUFFIX);

	while (start && path[start - 1] != '/')
		start--;
	if (len - start >= suffix &&
	    !memcmp(path + len - suffix, MODULE_SUFFIX, suffix))
		len -= suffix;
	*name = path + start;
	*name_len = len - start;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The next line of @text at *@pos; returns its length (no '\n'). */
static size_t next_line(const char *text, size_t len, size_t *pos,
			const char **line)
{
	size_t start = *pos, end = start;

	while (end < len && text[end] != '\n')
		end++;
	*line = text + start;
	*pos = end < len ? end + 1 : end;
	return end - start;
}

/* The first word of @s (@n bytes); returns its length, 0 if none. */
static size_t first_word(const char *s, size_t n, const char **word)
{
	size_t p = 0, start;

	while (p < n && is_blank(s[p]))
		p++;
	start = p;
	while (p < n && !is_blank(s[p]))
		p++;
	*word = s + start;
	return p - start;
}

/* Find @name's line in @md: *@pos then holds what follows its colon. */
static int dep_line_find(const struct modules_dep *md, const char *name,
			 struct modprobe_dep_pos *pos)
{
	const char *line, *colon, *mod;
	size_t at = 0, n, mod_len;

	while (at < md->len) {
		n = next_line(md->text, md->len, &at, &line);
		for (colon = line; colon < line + n && *colon != ':';)
			colon++;
		if (!n || line[0] == '#' || colon == line + n)
			continue;
		dep_path_name(line, (size_t)(colon - line), &mod, &mod_len);
		if (!module_name_eq(mod, mod_len, name))
			continue;
		pos->started = true;
		pos->start = (size_t)(colon + 1 - md->text);
		pos->end = (size_t)(line + n - md->text);
		return 0;
	}
	return -ENOENT;
}

int modprobe_dep_of(const struct modules_dep *md, const char *name,
		    struct modprobe_dep_pos *pos, char out[MODULE_NAME_LEN])
{
	const char *mod;
	size_t end, mod_len;
	int ret;

	if (!pos->started) {
		ret = dep_line_find(md, name, pos);
		if (ret)
			return ret;
	}
	/* Users come first: the first to load is the last listed. */
	end = pos->end;
	while (end > pos->start && is_blank(md->text[end - 1]))
		end--;
	pos->end = end;
	while (pos->end > pos->start && !is_blank(md->text[pos->end - 1]))
		pos->end--;
	if (pos->end == end)
		return 0;
	dep_path_name(md->text + pos->end, end - pos->end, &mod, &mod_len);
	if (mod_len >= MODULE_NAME_LEN)
		return -ENAMETOOLONG;
	memcpy(out, mod, mod_len);
	out[mod_len] = '\0';
	return 1;
}

int modprobe_etc_next(const char *text, size_t len, size_t *pos,
		      char name[MODULE_NAME_LEN], char args[MODPROBE_ARGS_MAX])
{
	const char *line, *word;
	size_t n, word_len;

	while (*pos < len) {
		n = next_line(text, len, pos, &line);
		word_len = first_word(line, n, &word);
		if (!word_len || word[0] == '#')
			continue;
		if (word_len >= MODULE_NAME_LEN)
			return -ENAMETOOLONG;
		memcpy(name, word, word_len);
		name[word_len] = '\0';
		/* The parameters: the rest of the line, blanks trimmed. */
		n -= (size_t)(word + word_len - line);
		line = word + word_len;
		while (n && is_blank(*line))
			line++, n--;
		while (n && is_blank(line[n - 1]))
			n--;
		if (n >= MODPROBE_ARGS_MAX)
			return -E2BIG;
		memcpy(args, line, n);
		args[n] = '\0';
		return 1;
	}
	return 0;
}
