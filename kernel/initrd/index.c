/*
 * The index of a cpio archive cpio.c accepted: the files Linux's initramfs
 * unpacking would leave (hard links filled, later entries replacing
 * earlier ones), sorted by path once, so that a lookup is a binary search
 * and a listing one walk over the entries inside a directory, however many
 * files the archive holds.  Pure code (the caller gives the memory).
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

/*
 * Paths in the order of their components: '/' sorts before every other
 * byte, so "a", "a/x" and "a/y" come before "a-b".  Everything inside a
 * directory then lies in one run, and within it every entry below one
 * child lies in one run too.  @a_len and @b_len bound each side (a name
 * may be compared by its first bytes); the end of one sorts first.
 */
static int cpio_path_cmp(const char *a, size_t a_len, const char *b,
			 size_t b_len)
{
	for (size_t i = 0;; i++) {
		int ca = i < a_len ? (uint8_t)a[i] : 0;
		int cb = i < b_len ? (uint8_t)b[i] : 0;

		if (ca != cb || !ca)
			return (ca == '/' ? 1 :
				ca	  ? ca + 1 :
					    0) -
			       (cb == '/' ? 1 :
				cb	  ? cb + 1 :
					    0);
	}
}

/* The index's order: by path, then archive order for one path. */
static bool cpio_before(const struct cpio_entry *a, const struct cpio_entry *b)
{
	int cmp = cpio_path_cmp(a->name, a->name_len, b->name, b->name_len);

	return cmp ? cmp < 0 : a->offset < b->offset;
}

static int cpio_cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

/*
 * The order that brings the links of one file together, in archive order:
 * one inode number on one device, within one archive (Linux forgets the
 * links it has seen at each trailer).
 */
static bool cpio_link_before(const struct cpio_entry *a,
			     const struct cpio_entry *b)
{
	int cmp = cpio_cmp_u32(cpio_is_link(a), cpio_is_link(b));

	if (!cmp)
		cmp = cpio_cmp_u32(a->archive, b->archive);
	if (!cmp)
		cmp = cpio_cmp_u32(a->dev_major, b->dev_major);
	if (!cmp)
		cmp = cpio_cmp_u32(a->dev_minor, b->dev_minor);
	if (!cmp)
		cmp = cpio_cmp_u32(a->ino, b->ino);
	return cmp ? cmp < 0 : a->offset < b->offset;
}

bool cpio_same_file(const struct cpio_entry *a, const struct cpio_entry *b)
{
	return cpio_is_link(a) && cpio_is_link(b) && a->archive == b->archive &&
	       a->dev_major == b->dev_major && a->dev_minor == b->dev_minor &&
	       a->ino == b->ino;
}

/* Move e[i] down the max-heap of the first @n entries to where it belongs. */
static void cpio_sift_down(struct cpio_entry *e, size_t i, size_t n,
			   bool (*before)(const struct cpio_entry *a,
					  const struct cpio_entry *b))
{
	struct cpio_entry tmp;
	size_t child;

	while ((child = 2 * i + 1) < n) {
		if (child + 1 < n && before(&e[child], &e[child + 1]))
			child++;
		if (!before(&e[i], &e[child]))
			return;
		tmp = e[i];
		e[i] = e[child];
		e[child] = tmp;
		i = child;
	}
}

/* Heapsort (as Linux's lib/sort.c): O(n log n), in place, no recursion. */
static void cpio_sort(struct cpio_entry *e, size_t n,
		      bool (*before)(const struct cpio_entry *a,
				     const struct cpio_entry *b))
{
	struct cpio_entry tmp;

	for (size_t i = n / 2; i-- > 0;)
		cpio_sift_down(e, i, n, before);
	while (n-- > 1) {
		tmp = e[0];
		e[0] = e[n];
		e[n] = tmp;
		cpio_sift_down(e, 0, n, before);
	}
}

/*
 * Give every link of one file the data of its last link that has any:
 * GNU cpio writes the data once, with the last link, and Linux opens each
 * further link without truncating it, writing the data it carries.
 */
static void cpio_share_links(struct cpio_entry *e, size_t n)
{
	const struct cpio_entry *data;
	size_t first, last;

	cpio_sort(e, n, cpio_link_before);
	for (first = 0; first < n; first = last) {
		data = &e[first];
		for (last = first + 1;
		     last < n && cpio_same_file(&e[first], &e[last]); last++)
			if (e[last].size)
				data = &e[last];
		for (size_t i = first; i < last; i++) {
			e[i].data = data->data;
			e[i].size = data->size;
		}
	}
}

bool cpio_dropped(const struct cpio_entry *e)
{
	return !e->name_len || (!cpio_is_dir(e) && e->name[e->name_len]);
}

/* Keep, in path order, the last entry of each path that is not dropped. */
static size_t cpio_keep_last(struct cpio_entry *e, size_t n)
{
	size_t kept = 0;

	for (size_t i = 0; i < n; i++) {
		if (cpio_dropped(&e[i]))
			continue;
		if (kept && e[kept - 1].name_len == e[i].name_len &&
		    !memcmp(e[kept - 1].name, e[i].name, e[i].name_len))
			kept--; /* a later entry of one path replaces it */
		e[kept++] = e[i];
	}
	return kept;
}

void cpio_index(struct cpio_archive *ar, struct cpio_entry *entries)
{
	struct cpio_cursor cur = { 0, 0 };

	for (size_t i = 0; i < ar->count; i++)
		cpio_next(ar, &cur, &entries[i], NULL, 0);
	cpio_share_links(entries, ar->count);
	cpio_sort(entries, ar->count, cpio_before);
	ar->index_len = cpio_keep_last(entries, ar->count);
	ar->index = entries;
}

/* The first entry of the index not before @path (@len bytes): a binary search. */
static size_t cpio_lower_bound(const struct cpio_archive *ar, const char *path,
			       size_t len)
{
	size_t lo = 0, hi = ar->index_len, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cpio_path_cmp(ar->index[mid].name, ar->index[mid].name_len,
				  path, len) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Copy @path into @out without "/"-runs, "." components and a trailing or
 * leading "/"; ".." drops the last component.  "" is the root.
 */
static int cpio_normalize(const char *path, char out[CPIO_PATH_MAX])
{
	size_t len = 0;

	while (*path) {
		const char *end = strchr(path, '/');
		size_t n = end ? (size_t)(end - path) : strlen(path);

		if (n == 2 && !strncmp(path, "..", 2)) {
			while (len && out[len - 1] != '/')
				len--;
			if (len)
				len--;
		} else if (n && !(n == 1 && path[0] == '.')) {
			if (len + !!len + n >= CPIO_PATH_MAX)
				return -ENAMETOOLONG;
			if (len)
				out[len++] = '/';
			memcpy(out + len, path, n);
			len += n;
		}
		path += n + (end != NULL);
	}
	out[len] = '\0';
	return 0;
}

/*
 * If entry @e lies inside directory @dir, point *@child at the component
 * of its name directly below @dir and return its length; else return 0.
 * *@deeper says whether @e goes on below that component.
 */
static size_t cpio_child(const char *dir, size_t dir_len,
			 const struct cpio_entry *e, const char **child,
			 bool *deeper)
{
	const char *rest = e->name, *slash;
	size_t rest_len = e->name_len;

	if (dir_len) {
		if (e->name_len <= dir_len || e->name[dir_len] != '/' ||
		    memcmp(e->name, dir, dir_len))
			return 0;
		rest += dir_len + 1;
		rest_len -= dir_len + 1;
	}
	slash = memchr(rest, '/', rest_len);
	*child = rest;
	*deeper = slash != NULL;
	return slash ? (size_t)(slash - rest) : rest_len;
}

/*
 * The run of index entries inside directory @dir (@len bytes, "" for the
 * root): [*@first, return value).  @dir has room for one more byte.
 */
static size_t cpio_dir_run(const struct cpio_archive *ar, char *dir, size_t len,
			   size_t *first)
{
	size_t i;

	if (!len) {
		*first = 0;
		return ar->index_len;
	}
	dir[len] = '/';
	i = *first = cpio_lower_bound(ar, dir, len + 1);
	while (i < ar->index_len && ar->index[i].name_len > len &&
	       !memcmp(ar->index[i].name, dir, len + 1))
		i++;
	dir[len] = '\0';
	return i;
}

int cpio_lookup(const struct cpio_archive *ar, const char *path,
		struct cpio_entry *e)
{
	char want[CPIO_PATH_MAX + 1]; /* + the '/' of cpio_dir_run() */
	size_t len, i, end;
	int ret = cpio_normalize(path, want);

	if (ret)
		return ret;
	len = strlen(want);
	i = cpio_lower_bound(ar, want, len);
	if (i < ar->index_len && ar->index[i].name_len == len &&
	    !memcmp(ar->index[i].name, want, len)) {
		*e = ar->index[i];
		return 0;
	}
	end = cpio_dir_run(ar, want, len, &i);
	if (len && i == end)
		return -ENOENT;
	/* The root, or a directory with members but no entry of its own. */
	*e = (struct cpio_entry){ .name = "", .mode = CPIO_S_IFDIR };
	return 0;
}

/*
 * The end of the run of entries that give the same child of @dir as entry
 * @i (its own entry and those below it lie together in the index), and
 * whether any of them makes that child a directory.
 */
static size_t cpio_child_run(const struct cpio_archive *ar, const char *dir,
			     size_t dir_len, size_t i, size_t end, bool *is_dir)
{
	const char *child, *c;
	bool deeper;
	size_t len = cpio_child(dir, dir_len, &ar->index[i], &child, &deeper);

	*is_dir = false;
	for (; i < end; i++) {
		if (cpio_child(dir, dir_len, &ar->index[i], &c, &deeper) !=
			    len ||
		    strncmp(c, child, len))
			break;
		*is_dir |= deeper || cpio_is_dir(&ar->index[i]);
	}
	return i;
}

int cpio_list(const struct cpio_archive *ar, const char *path,
	      int (*fn)(void *arg, const char *name, size_t len, bool is_dir),
	      void *arg)
{
	char dir[CPIO_PATH_MAX + 1]; /* + the '/' of cpio_dir_run() */
	struct cpio_entry e;
	const char *child;
	size_t dir_len, len, i, next, end;
	bool deeper, is_dir;
	int ret = cpio_lookup(ar, path, &e);

	if (ret)
		return ret;
	if (!cpio_is_dir(&e))
		return -ENOTDIR;
	cpio_normalize(path, dir);
	dir_len = strlen(dir);
	end = cpio_dir_run(ar, dir, dir_len, &i);
	for (; i < end; i = next) {
		len = cpio_child(dir, dir_len, &ar->index[i], &child, &deeper);
		next = cpio_child_run(ar, dir, dir_len, i, end, &is_dir);
		if (!len) /* "dir//x": no name directly below @dir */
			continue;
		ret = fn(arg, child, len, is_dir);
		if (ret)
			return ret;
	}
	return 0;
}
