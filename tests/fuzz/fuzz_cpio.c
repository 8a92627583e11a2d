/*
 * libFuzzer target for the initrd's cpio reader: any byte string is opened
 * as an archive; an accepted one is indexed, as the kernel does at boot
 * (each entry once, sorted by path), walked entry by entry, every member
 * and some made-up paths are looked up, and every directory is listed, as
 * the module loader and the shell's ls/cat would.  Each entry must lie
 * inside the archive, a member be found as its last entry left it, a
 * listing be in order, each name once, and name every child; the
 * predicates the unpacker shares with the index (cpio_dropped(),
 * cpio_same_file()) must agree with what the index kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include "../../kernel/initrd/internal.h"
#include "host.h"

#define FUZZ_ERR_MAX 160

static int fuzz_list_one(void *arg, const char *name, size_t len, bool is_dir)
{
	size_t *count = arg;

	/* Not < CPIO_PATH_MAX: a member's name may be longer than a path. */
	fuzz_check(len > 0 && len <= strlen(name),
		   "a listed name has a length");
	fuzz_check(memchr(name, '/', len) == NULL, "a listed name has no '/'");
	return ++*count > 64 ? -E2BIG : 0; /* the callback may stop the walk */
}

static bool inside(const struct cpio_archive *ar, const void *p, size_t n)
{
	const uint8_t *b = p;

	return b >= ar->base && b <= ar->base + ar->size &&
	       n <= (size_t)(ar->base + ar->size - b);
}

/* A path cpio_lookup() leaves as it is: no "//", "." or ".." parts. */
static bool is_normal(const char *name)
{
	const char *p = name;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 0 || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.'))
			return false;
		p += n;
		if (*p == '/' && !*++p)
			return false;
	}
	return *name != '\0';
}

/* Whether the index keeps @e's path: not the root, no file named "x/". */
static bool is_kept(const struct cpio_entry *e)
{
	return e->name_len && (cpio_is_dir(e) || e->name[e->name_len] == '\0');
}

static const char *const paths[] = { "/",
				     "",
				     ".",
				     "./lib//modules/",
				     "lib/modules/../modules/hello.ko",
				     "etc/modules",
				     "..",
				     "a/b/c",
				     "/lib/modules/modules.dep" };

/* A listing as text, to check: each name and whether it is a directory. */
struct fuzz_listing {
	char text[1024];
	size_t len;
	const char *last; /* the name before, to check the order */
	size_t last_len;
};

static int fuzz_list_add(void *arg, const char *name, size_t len, bool is_dir)
{
	struct fuzz_listing *l = arg;
	int n;

	fuzz_list_one(&(size_t){ 0 }, name, len, is_dir);
	if (l->last) {
		int cmp = memcmp(l->last, name, MIN(len, l->last_len));

		fuzz_check(cmp < 0 || (cmp == 0 && l->last_len < len),
			   "a listing is in byte order, each name once");
	}
	l->last = name;
	l->last_len = len;
	n = snprintf(l->text + l->len, sizeof(l->text) - l->len, "|%.*s",
		     (int)len, name);
	if (n < 0 || (size_t)n >= sizeof(l->text) - l->len)
		return -E2BIG;
	l->len += (size_t)n;
	return 0;
}

/* @a strictly before @b in the index: path order, '/' before every byte. */
static bool fuzz_in_order(const struct cpio_entry *a,
			  const struct cpio_entry *b)
{
	const unsigned char *p = (const void *)a->name,
			    *q = (const void *)b->name;
	size_t i = 0, n = MIN(a->name_len, b->name_len);

	while (i < n && p[i] == q[i])
		i++;
	if (i == n)
		return a->name_len < b->name_len;
	return p[i] == '/' || (q[i] != '/' && p[i] < q[i]);
}

/*
 * Every entry inside directory @dir (normalized, "" for the root) with a
 * name below it is in the listing @l (when it all fit).
 */
static void fuzz_complete(const struct cpio_archive *ar, const char *dir,
			  const struct fuzz_listing *l)
{
	size_t dir_len = strlen(dir), n, left;
	const char *child, *slash;
	char want[CPIO_PATH_MAX + 2];

	for (size_t i = 0; i < ar->index_len; i++) {
		child = ar->index[i].name;
		left = ar->index[i].name_len;
		if (dir_len) {
			if (left <= dir_len || strncmp(child, dir, dir_len) ||
			    child[dir_len] != '/')
				continue;
			child += dir_len + 1;
			left -= dir_len + 1;
		}
		slash = memchr(child, '/', left);
		n = slash ? (size_t)(slash - child) : left;
		if (!n || n >= CPIO_PATH_MAX)
			continue;
		snprintf(want, sizeof(want), "|%.*s", (int)n, child);
		fuzz_check(strstr(l->text, want) != NULL,
			   "a listing names every child");
	}
}

/* @e, as the walk read it, is in the index unless a later entry replaced it. */
static void fuzz_find_member(const struct cpio_archive *ar,
			     const struct cpio_entry *e, const char *name)
{
	struct cpio_entry found;
	int ret = cpio_lookup(ar, name, &found);

	if (!is_normal(name) || !is_kept(e))
		return;
	fuzz_check(ret == 0 || ret == -ENAMETOOLONG,
		   "a member is found by its own name");
	fuzz_check(ret || (found.name_len == e->name_len &&
			   !memcmp(found.name, name, e->name_len) &&
			   found.offset >= e->offset),
		   "a lookup finds the last entry of that name");
}

static void fuzz_walk(const struct cpio_archive *ar)
{
	struct cpio_cursor cur = { 0, 0 };
	struct cpio_entry e, found;
	struct fuzz_listing l;
	char name[CPIO_PATH_MAX];
	int ret;

	while ((ret = cpio_next(ar, &cur, &e, NULL, 0)) > 0) {
		fuzz_check(inside(ar, e.data, e.size),
			   "an entry's data is in the archive");
		fuzz_check(cur.pos <= ar->size,
			   "the walk stays in the archive");
		/* The unpacker skips what cpio_dropped() says; the index too. */
		fuzz_check(cpio_dropped(&e) == !is_kept(&e),
			   "the unpacker drops what the index drops");
		if (e.name_len >= sizeof(name))
			continue;
		memcpy(name, e.name, e.name_len);
		name[e.name_len] = '\0';
		fuzz_find_member(ar, &e, name);
		l = (struct fuzz_listing){ .len = 0 };
		if (cpio_list(ar, name, fuzz_list_add, &l) == 0 &&
		    is_normal(name))
			fuzz_complete(ar, name, &l);
	}
	fuzz_check(ret == 0, "an accepted archive walks to its end");
	for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
		l = (struct fuzz_listing){ .len = 0 };
		cpio_lookup(ar, paths[i], &found);
		cpio_list(ar, paths[i], fuzz_list_add, &l);
	}
	l = (struct fuzz_listing){ .len = 0 };
	if (cpio_list(ar, "/", fuzz_list_add, &l) == 0)
		fuzz_complete(ar, "", &l);
}

/* The index holds entries of the archive, each path once, in path order. */
static void fuzz_index_order(const struct cpio_archive *ar)
{
	uint8_t *seen = calloc(ar->size + 1, 1);

	fuzz_check(seen != NULL, "memory for the check");
	fuzz_check(ar->index_len <= ar->count, "the index is of the entries");
	for (size_t i = 0; i < ar->index_len; i++) {
		const struct cpio_entry *e = &ar->index[i];

		fuzz_check(e->offset < ar->size && !seen[e->offset],
			   "each entry is in the index once");
		seen[e->offset] = 1;
		fuzz_check(is_kept(e), "no root or \"file/\" in the index");
		fuzz_check(i == 0 || fuzz_in_order(&ar->index[i - 1], e),
			   "the index is sorted by path, each path once");
		/* The unpacker links what cpio_same_file() pairs: one data. */
		for (size_t j = 0; j < i; j++)
			fuzz_check(!cpio_same_file(&ar->index[j], e) ||
					   (ar->index[j].data == e->data &&
					    ar->index[j].size == e->size),
				   "the links of one file have one data");
	}
	free(seen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that any read past the end is caught. */
	uint8_t *buf = fuzz_copy(data, size);
	char err[FUZZ_ERR_MAX];
	struct cpio_archive ar;
	struct cpio_entry *index;

	if (cpio_open(&ar, buf, size, err, sizeof(err)) == 0) {
		/* One more: malloc(0) may return NULL. */
		index = malloc((ar.count + 1) * sizeof(*index));
		fuzz_check(index != NULL, "memory for the index");
		cpio_index(&ar, index);
		fuzz_index_order(&ar);
		fuzz_walk(&ar);
		free(index);
	} else {
		fuzz_check(err[0] != '\0', "a refused archive has a message");
	}
	free(buf);
	return 0;
}
