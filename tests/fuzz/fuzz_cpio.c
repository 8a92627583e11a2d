/*
 * libFuzzer target for the initrd's cpio reader: any byte string is opened
 * as an archive; an accepted one is walked entry by entry, every member
 * and some made-up paths are looked up, and every directory is listed, as
 * the module loader and the shell's ls/cat would.  Each entry must lie
 * inside the archive.
 */
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include <kernel/initrd.h>
#include "host.h"

#define FUZZ_ERR_MAX 160

static int fuzz_list_one(void *arg, const char *name, size_t len, bool is_dir)
{
	size_t *count = arg;

	/* Not < INITRD_PATH_MAX: a member's name may be longer than a path. */
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

static void fuzz_walk(const struct cpio_archive *ar)
{
	static const char *const paths[] = { "/",
					     "",
					     ".",
					     "./lib//modules/",
					     "lib/modules/../modules/hello.ko",
					     "etc/modules",
					     "..",
					     "a/b/c",
					     "/lib/modules/modules.dep" };
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
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		listed = 0;
		cpio_lookup(ar, paths[i], &found);
		cpio_list(ar, paths[i], fuzz_list_one, &listed);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that any read past the end is caught. */
	uint8_t *buf = fuzz_copy(data, size);
	char err[FUZZ_ERR_MAX];
	struct cpio_archive ar;

	if (cpio_open(&ar, buf, size, err, sizeof(err)) == 0)
		fuzz_walk(&ar);
	else
		fuzz_check(err[0] != '\0', "a refused archive has a message");
	free(buf);
	return 0;
}
