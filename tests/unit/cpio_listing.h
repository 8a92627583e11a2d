/*
 * What the cpio tests share: cpio_list() gathered into one string,
 * "name name/ ...", so a test compares a directory's listing at once.
 * Included by a test after cmocka.h and kernel/initrd/internal.h.
 */
#ifndef TESTS_UNIT_CPIO_LISTING_H
#define TESTS_UNIT_CPIO_LISTING_H

#include <stdio.h>
#include <string.h>

struct listing {
	char text[512];
};

static int collect(void *arg, const char *name, size_t len, bool is_dir)
{
	struct listing *l = arg;
	size_t n = strlen(l->text);

	snprintf(l->text + n, sizeof(l->text) - n, "%.*s%s ", (int)len, name,
		 is_dir ? "/" : "");
	return 0;
}

/* expect_archive_listing - cpio_list(@ar, @dir) succeeds and gives @want. */
static void expect_archive_listing(const struct cpio_archive *ar,
				   const char *dir, const char *want)
{
	struct listing l = { "" };

	assert_int_equal(cpio_list(ar, dir, collect, &l), 0);
	assert_string_equal(l.text, want);
}

#endif
