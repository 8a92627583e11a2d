/*
 * The initrd's view of an archive follows Linux's initramfs unpacking: a
 * later entry of one path replaces the earlier, hard links share their
 * data, archives concatenated after a trailer are read too, the root
 * cannot be replaced, and "x/" names only a directory.  Archives are built
 * here byte by byte, and once by GNU cpio for its hard-link layout.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/string.h>
#include "../../kernel/initrd/internal.h"
#include "cpio_listing.h"

char *strstr(const char *haystack, const char *needle);

#define MODE_REG (CPIO_S_IFREG | 0644)
#define MODE_DIR (CPIO_S_IFDIR | 0755)
#define BLOCK 512 /* GNU cpio pads an archive to 512-byte blocks */

/* An archive being built: members are appended at @len. */
struct builder {
	uint8_t buf[1 << 16];
	size_t len;
	struct cpio_archive ar;
	struct cpio_entry index[64];
};

static void pad(struct builder *b, size_t align)
{
	while (b->len % align)
		b->buf[b->len++] = 0;
}

/* Append a member: inode @ino with @nlink links, @data its contents. */
static void add_link(struct builder *b, const char *name, uint32_t mode,
		     uint32_t ino, uint32_t nlink, const char *data)
{
	size_t size = strlen(data);

	b->len += (size_t)
		sprintf((char *)b->buf + b->len,
			"070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X%s",
			ino, mode, 0u, 0u, nlink, 0u, size, 8u, 1u, 0u, 0u,
			strlen(name) + 1, 0u, name);
	b->buf[b->len++] = '\0';
	pad(b, CPIO_ALIGN);
	memcpy(b->buf + b->len, data, size);
	b->len += size;
	pad(b, CPIO_ALIGN);
}

static void add(struct builder *b, const char *name, uint32_t mode,
		const char *data)
{
	static uint32_t ino = 100;

	add_link(b, name, mode, ino++, 1, data);
}

/* End one archive as GNU cpio does: a trailer, zeros to a 512-byte block. */
static void trailer(struct builder *b)
{
	add(b, CPIO_TRAILER, 0, "");
	pad(b, BLOCK);
}

static struct builder *new_builder(void)
{
	struct builder *b = calloc(1, sizeof(*b));

	assert_non_null(b);
	return b;
}

/* Open and index what @b holds, as the kernel does with its initrd. */
static void open_built(struct builder *b)
{
	char err[256] = "";

	if (cpio_open(&b->ar, b->buf, b->len, err, sizeof(err)))
		fail_msg("rejected: %s", err);
	assert_true(b->ar.count <= ARRAY_SIZE(b->index));
	cpio_index(&b->ar, b->index);
}

/* @path holds @data, as a file. */
static void expect_file(const struct builder *b, const char *path,
			const char *data)
{
	struct cpio_entry e;

	assert_int_equal(cpio_lookup(&b->ar, path, &e), 0);
	assert_false(cpio_is_dir(&e));
	assert_int_equal(e.size, strlen(data));
	assert_memory_equal(e.data, data, e.size);
}

static void expect_listing(const struct builder *b, const char *dir,
			   const char *want)
{
	expect_archive_listing(&b->ar, dir, want);
}

/* A later entry of one path replaces the earlier: Linux unlinks it first. */
static void test_later_entry_replaces(void **state)
{
	struct builder *b = new_builder();

	add(b, "etc", MODE_DIR, "");
	add(b, "etc/motd", MODE_REG, "first");
	add(b, "/etc/motd", MODE_REG, "second");
	add(b, "./etc/motd", CPIO_S_IFREG | 0600, "third");
	add(b, "etc/issue", MODE_REG, "issue");
	trailer(b);
	open_built(b);
	expect_file(b, "etc/motd", "third");
	expect_listing(b, "etc", "issue motd ");
	assert_int_equal(b->ar.count, 5);
	assert_int_equal(b->ar.index_len, 3);
	free(b);
}

/*
 * Hard links as GNU cpio writes them: one inode, nlink > 1, the data only
 * with the last link.  Every link gets it; a link named again later is
 * replaced like any file; one inode number in two archives is two files.
 */
static void test_hard_links(void **state)
{
	struct builder *b = new_builder();

	add_link(b, "a", MODE_REG, 7, 3, "");
	add_link(b, "b", MODE_REG, 7, 3, "");
	add(b, "other", MODE_REG, "x");
	add_link(b, "c", MODE_REG, 7, 3, "shared");
	add_link(b, "lonely", MODE_REG, 9, 2, "");
	trailer(b);
	add_link(b, "d", MODE_REG, 7, 2, "");
	add_link(b, "e", MODE_REG, 7, 2, "new");
	trailer(b);
	open_built(b);
	expect_file(b, "a", "shared");
	expect_file(b, "b", "shared");
	expect_file(b, "c", "shared");
	expect_file(b, "other", "x");
	expect_file(b, "lonely", ""); /* its data never came */
	expect_file(b, "d", "new");
	expect_file(b, "e", "new");
	free(b);
}

static char tmpdir[] = "/tmp/sprout-initramfs-test.XXXXXX";

/* The same, with an archive GNU cpio packs from a tree with two links. */
static void test_gnu_cpio_hard_links(void **state)
{
	struct builder *b = new_builder();
	char cmd[512];
	FILE *f;

	assert_non_null(mkdtemp(tmpdir));
	snprintf(cmd, sizeof(cmd),
		 "cd %s && mkdir d && printf linked > d/one && ln d/one two && "
		 "printf '%%s\\n' d d/one two | cpio -o -H newc --quiet",
		 tmpdir);
	f = popen(cmd, "r");
	assert_non_null(f);
	b->len = fread(b->buf, 1, sizeof(b->buf), f);
	assert_int_equal(pclose(f), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	assert_int_equal(system(cmd), 0);
	open_built(b);
	expect_file(b, "d/one", "linked");
	expect_file(b, "two", "linked");
	free(b);
}

/*
 * Archives concatenated, each padded with zeros (Linux skips them): the
 * second's members are read too, and replace the first's.
 */
static void test_concatenated(void **state)
{
	struct builder *b = new_builder();

	add(b, "lib", MODE_DIR, "");
	add(b, "lib/a.ko", MODE_REG, "old");
	trailer(b);
	b->len += 4 * CPIO_ALIGN; /* more zeros than one block holds */
	add(b, "lib/a.ko", MODE_REG, "new");
	add(b, "lib/b.ko", MODE_REG, "bee");
	trailer(b);
	add(b, "etc", MODE_DIR, "");
	add(b, CPIO_TRAILER, 0, ""); /* the last with no padding */
	open_built(b);
	expect_file(b, "lib/a.ko", "new");
	expect_file(b, "lib/b.ko", "bee");
	expect_listing(b, "/", "etc/ lib/ ");
	assert_int_equal(b->ar.count, 5);
	free(b);
}

static void expect_reject(struct builder *b, const char *what)
{
	char err[256] = "";

	assert_int_equal(cpio_open(&b->ar, b->buf, b->len, err, sizeof(err)),
			 -EINVAL);
	if (!strstr(err, what))
		fail_msg("message \"%s\" does not say \"%s\"", err, what);
	assert_int_equal(b->ar.count, 0);
}

/* After a trailer come only zeros and whole archives, 4-byte aligned. */
static void test_junk_after_trailer(void **state)
{
	struct builder *b = new_builder();
	size_t end;

	add(b, "a", MODE_REG, "a");
	trailer(b);
	end = b->len;
	b->len += 2;
	add(b, "b", MODE_REG, "b");
	expect_reject(b, "junk at offset 514 after a TRAILER!!! entry");

	b->len = end;
	memset(b->buf + b->len, 'g', 2 * CPIO_HEADER_SIZE);
	b->len += 2 * CPIO_HEADER_SIZE;
	expect_reject(b, "header at offset 512: bad magic \"gggggg\"");

	b->len = end;
	add(b, "b", MODE_REG, "b"); /* a second archive without its trailer */
	expect_reject(b, "without a TRAILER!!! entry");
	free(b);
}

/* ".", "/" and "./" name the root, which no entry can replace. */
static void test_root_not_replaced(void **state)
{
	struct builder *b = new_builder();
	struct cpio_entry e;

	add(b, ".", MODE_DIR, "");
	add(b, "x", MODE_REG, "x");
	add(b, "/", MODE_REG, "not the root");
	add(b, "./", MODE_REG, "nor this");
	add(b, ".", CPIO_S_IFLNK | 0777, "x");
	add(b, "//", MODE_DIR, "");
	trailer(b);
	open_built(b);
	assert_int_equal(b->ar.index_len, 1);
	assert_int_equal(cpio_lookup(&b->ar, "/", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_int_equal(e.size, 0);
	expect_listing(b, "/", "x ");
	free(b);
}

/*
 * "x.ko/" is a directory (of directory mode) or nothing (a file: Linux
 * cannot create a file by a name ending in "/"); never a module file.
 */
static void test_trailing_slash(void **state)
{
	struct builder *b = new_builder();
	struct cpio_entry e;

	add(b, "m", MODE_DIR, "");
	add(b, "m/dir.ko/", MODE_DIR, "");
	add(b, "m/file.ko/", MODE_REG, "not a module");
	add(b, "m/kept.ko", MODE_REG, "module");
	add(b, "m/kept.ko/", MODE_REG, "no replacement");
	add(b, "m/sub//", MODE_DIR, "");
	add(b, "m/sub/inner.ko", MODE_REG, "inner");
	trailer(b);
	open_built(b);
	assert_int_equal(cpio_lookup(&b->ar, "m/dir.ko", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_int_equal(cpio_lookup(&b->ar, "m/file.ko", &e), -ENOENT);
	expect_file(b, "m/kept.ko", "module");
	expect_file(b, "m/sub/inner.ko", "inner");
	expect_listing(b, "m", "dir.ko/ kept.ko sub/ ");
	expect_listing(b, "m/dir.ko", "");
	expect_listing(b, "m/sub/", "inner.ko ");
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_later_entry_replaces),
		cmocka_unit_test(test_hard_links),
		cmocka_unit_test(test_gnu_cpio_hard_links),
		cmocka_unit_test(test_concatenated),
		cmocka_unit_test(test_junk_after_trailer),
		cmocka_unit_test(test_root_not_replaced),
		cmocka_unit_test(test_trailing_slash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
