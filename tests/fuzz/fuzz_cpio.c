/*
 * libFuzzer target for the initrd's cpio reader: any byte string is opened
 * as an archive; an accepted one is walked entry by entry, every member
 * and some made-up paths are looked up, and every directory is listed, as
 * the module loader and the shell's ls/cat would.  Each entry must lie
 * inside the archive.  Then the archive is indexed, as the kernel does at
 * boot, and every lookup and listing must give what the walk gave.
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
	return true;
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

static void fuzz_walk(const struct cpio_archive *ar)
{
	struct cpio_entry e, found;
	size_t pos = 0, listed;
	int ret;

	while ((ret = cpio_next(ar, &pos, &e, NULL, 0)) > 0) {
		fuzz_check(inside(ar, e.data, e.size),
			   "an entry's data is in the archive");
		fuzz_check(pos <= ar->size, "the walk stays in the archive");
		ret = cpio_lookup(ar, e.name, &found);
		fuzz_check(ret == 0 || ret == -ENAMETOOLONG ||
				   !is_normal(e.name),
			   "a member is found by its own name");
		listed = 0;
		cpio_list(ar, e.name, fuzz_list_one, &listed);
	}
	fuzz_check(ret == 0, "an accepted archive walks to its trailer");
	for (size_t i = 0; i < ARRAY_SIZE(paths); i++) {
		listed = 0;
		cpio_lookup(ar, paths[i], &found);
		cpio_list(ar, paths[i], fuzz_list_one, &listed);
	}
}

/* A listing as text, to compare: each name and whether it is a directory. */
struct fuzz_listing {
	char text[1024];
	size_t len;
};

static int fuzz_list_add(void *arg, const char *name, size_t len, bool is_dir)
{
	struct fuzz_listing *l = arg;
	int n = snprintf(l->text + l->len, sizeof(l->text) - l->len, "%.*s%s|",
			 (int)len, name, is_dir ? "/" : "");

	if (n < 0 || (size_t)n >= sizeof(l->text) - l->len)
		return -E2BIG;
	l->len += (size_t)n;
	return 0;
}

/* @path looks up and lists the same in the walked and the indexed archive. */
static void fuzz_same(const struct cpio_archive *ar,
		      const struct cpio_archive *ix, const char *path)
{
	struct cpio_entry a = { 0 }, b = { 0 };
	struct fuzz_listing la = { "", 0 }, lb = { "", 0 };

	fuzz_check(cpio_lookup(ar, path, &a) == cpio_lookup(ix, path, &b),
		   "a lookup returns the same with the index");
	fuzz_check(a.data == b.data && a.size == b.size && a.mode == b.mode &&
			   !strcmp(a.name ? a.name : "", b.name ? b.name : ""),
		   "a lookup finds the same entry with the index");
	fuzz_check(cpio_list(ar, path, fuzz_list_add, &la) ==
			   cpio_list(ix, path, fuzz_list_add, &lb),
		   "a listing returns the same with the index");
	fuzz_check(!strcmp(la.text, lb.text),
		   "a listing names the same entries with the index");
}

static void fuzz_index(const struct cpio_archive *ar)
{
	struct cpio_archive ix = *ar;
	/* One more: malloc(0) may return NULL. */
	struct cpio_entry *entries = malloc((ar->count + 1) * sizeof(*entries));
	struct cpio_entry e;
	size_t pos = 0;

	fuzz_check(entries != NULL, "memory for the index");
	cpio_index(&ix, entries);
	for (size_t i = 0; i < ar->count; i++) {
		cpio_next(ar, &pos, &e, NULL, 0);
		fuzz_check(ix.index[i].offset == e.offset,
			   "the index holds the entries in archive order");
		fuzz_same(ar, &ix, e.name);
	}
	for (size_t i = 0; i < ARRAY_SIZE(paths); i++)
		fuzz_same(ar, &ix, paths[i]);
	free(entries);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that any read past the end is caught. */
	uint8_t *buf = fuzz_copy(data, size);
	char err[FUZZ_ERR_MAX];
	struct cpio_archive ar;

	if (cpio_open(&ar, buf, size, err, sizeof(err)) == 0) {
		fuzz_walk(&ar);
		fuzz_index(&ar);
	} else {
		fuzz_check(err[0] != '\0', "a refused archive has a message");
	}
	free(buf);
	return 0;
}
