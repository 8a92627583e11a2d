/*
 * The cpio "newc" reader on archives GNU cpio writes at test time, then on
 * copies corrupted by hand: each kind of damage is rejected with a message
 * saying what and where, and lookups and listings find what cpio packed,
 * walking the archive and again from its index.
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

struct archive {
	uint8_t *buf;
	size_t len;
};

static char tmpdir[] = "/tmp/sprout-cpio-test.XXXXXX";

static void run(const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (system(cmd) != 0)
		fail_msg("command failed: %s", cmd);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Read back an archive built by a shell command into a malloc'd buffer. */
static struct archive pack(const char *format, const char *list_cmd)
{
	char out[256];
	struct archive a;
	FILE *f;
	long n;

	snprintf(out, sizeof(out), "%s/out.cpio", tmpdir);
	run("cd %s/tree && %s | cpio -o -H %s --quiet > %s", tmpdir, list_cmd,
	    format, out);
	f = fopen(out, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	a.buf = malloc((size_t)n);
	assert_non_null(a.buf);
	assert_int_equal(fread(a.buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	a.len = (size_t)n;
	return a;
}

static int setup(void **state)
{
	if (!mkdtemp(tmpdir))
		return -1;
	run("mkdir -p %s/tree/lib/modules %s/tree/etc %s/tree/empty", tmpdir,
	    tmpdir, tmpdir);
	{
		char p[256];

		snprintf(p, sizeof(p), "%s/tree/etc/modules", tmpdir);
		write_file(p, "# boot modules\nhello greeting=hi\n");
		snprintf(p, sizeof(p), "%s/tree/lib/modules/a.ko", tmpdir);
		write_file(p, "AAAA-module-a");
		snprintf(p, sizeof(p), "%s/tree/lib/modules/b.ko", tmpdir);
		write_file(p, "b");
		snprintf(p, sizeof(p), "%s/tree/top.txt", tmpdir);
		write_file(p, "");
	}
	return 0;
}

static int teardown(void **state)
{
	run("rm -rf %s", tmpdir);
	return 0;
}

/* Put @val as 8 hex digits into field @field of the header at @hdr. */
static void set_field(struct archive *a, size_t hdr, int field, uint32_t val)
{
	char hex[9];

	snprintf(hex, sizeof(hex), "%08X", val);
	memcpy(a->buf + hdr + CPIO_MAGIC_LEN + field * CPIO_FIELD_LEN, hex, 8);
}

/* Offset of the header of the member named @name (by a raw scan). */
static size_t header_of(const struct archive *a, const char *name)
{
	size_t n = strlen(name) + 1;

	for (size_t i = CPIO_HEADER_SIZE; i + n <= a->len; i++)
		if (!memcmp(a->buf + i, name, n) &&
		    !memcmp(a->buf + i - CPIO_HEADER_SIZE, "0707", 4))
			return i - CPIO_HEADER_SIZE;
	fail_msg("no member %s", name);
	return 0;
}

static void expect_reject(const struct archive *a, size_t len, const char *what)
{
	struct cpio_archive ar;
	char err[256] = "";

	assert_int_equal(cpio_open(&ar, a->buf, len, err, sizeof(err)),
			 -EINVAL);
	if (!strstr(err, what))
		fail_msg("message \"%s\" does not say \"%s\"", err, what);
	assert_int_equal(ar.count, 0);
}

/* Open @a and index it as the kernel indexes its initrd (free the index). */
static struct cpio_entry *open_indexed(struct cpio_archive *ar,
				       const struct archive *a)
{
	struct cpio_entry *entries;

	assert_int_equal(cpio_open(ar, a->buf, a->len, NULL, 0), 0);
	assert_null(ar->index);
	entries = malloc((ar->count + 1) * sizeof(*entries));
	assert_non_null(entries);
	cpio_index(ar, entries);
	assert_ptr_equal(ar->index, entries);
	return entries;
}

static void check_valid_lookups(const struct cpio_archive *ar)
{
	struct cpio_entry e;

	assert_int_equal(cpio_lookup(ar, "/lib/modules/a.ko", &e), 0);
	assert_int_equal(e.size, 13);
	assert_memory_equal(e.data, "AAAA-module-a", 13);
	assert_false(cpio_is_dir(&e));
	assert_int_equal(e.mode & CPIO_S_IFMT, CPIO_S_IFREG);
	assert_int_equal(cpio_lookup(ar, "etc//modules", &e), 0);
	assert_memory_equal(e.data, "# boot modules\n", 15);
	assert_int_equal(cpio_lookup(ar, "./lib/../lib/modules/./b.ko", &e), 0);
	assert_int_equal(e.size, 1);
	assert_int_equal(cpio_lookup(ar, "top.txt", &e), 0);
	assert_int_equal(e.size, 0);
	assert_int_equal(cpio_lookup(ar, "/lib/", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_int_equal(cpio_lookup(ar, "/", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_int_equal(cpio_lookup(ar, "/lib/modules/c.ko", &e), -ENOENT);
	assert_int_equal(cpio_lookup(ar, "/lib/modules/a.k", &e), -ENOENT);
	assert_int_equal(cpio_lookup(ar, "/li", &e), -ENOENT);
}

static void test_valid_archive(void **state)
{
	struct archive a = pack("newc", "find .");
	struct cpio_archive ar;
	char err[256];
	struct cpio_entry *index;

	assert_int_equal(cpio_open(&ar, a.buf, a.len, err, sizeof(err)), 0);
	/* ., etc, etc/modules, lib, lib/modules, 2 modules, empty, top.txt */
	assert_int_equal(ar.count, 9);
	index = open_indexed(&ar, &a);
	check_valid_lookups(&ar);
	free(index);
	free(a.buf);
}

/*
 * The index holds each path once, as cpio_next() reads its last entry,
 * sorted by path with '/' before every other byte ("lib/modules/b.ko"
 * before "lib-x"); the root's own entry "." is not in it.
 */
static void test_index(void **state)
{
	static const char *const order[] = {
		"etc",
		"etc/modules",
		"lib",
		"lib/modules",
		"lib/modules/a.ko",
		"lib/modules/b.ko", /* packed twice, only the later copy */
		"lib-x",
		"lib.txt",
		"top.txt",
	};
	struct archive a;
	struct cpio_archive ar;
	struct cpio_entry *index, e;
	struct cpio_cursor cur = { 0, 0 };
	size_t seen = 0;

	run("cd %s/tree && echo x > lib-x && echo y > lib.txt", tmpdir);
	a = pack("newc", "{ find . ! -name lib-x ! -name lib.txt | sort -r; "
			 "echo lib.txt; echo lib-x; echo lib/modules/b.ko; }");
	run("rm %s/tree/lib-x %s/tree/lib.txt", tmpdir, tmpdir);
	index = open_indexed(&ar, &a);
	/* ".", a second b.ko in the archive; "empty" in the index */
	assert_int_equal(ar.count, ARRAY_SIZE(order) + 2 + 1);
	assert_int_equal(ar.index_len, ARRAY_SIZE(order) + 1);
	for (size_t i = 0, j = 0; i < ar.index_len; i++) {
		if (!strcmp(index[i].name, "empty"))
			continue;
		assert_string_equal(index[i].name, order[j++]);
	}
	/* Each entry of the index is what cpio_next() read at its offset. */
	while (cpio_next(&ar, &cur, &e, NULL, 0) > 0) {
		size_t i = 0;

		while (i < ar.index_len && index[i].offset != e.offset)
			i++;
		if (i == ar.index_len)
			continue;
		assert_string_equal(index[i].name, e.name);
		assert_ptr_equal(index[i].data, e.data);
		assert_int_equal(index[i].size, e.size);
		assert_int_equal(index[i].mode, e.mode);
		seen++;
	}
	assert_int_equal(seen, ar.index_len);
	free(index);
	free(a.buf);
}

static void test_long_path(void **state)
{
	struct archive a = pack("newc", "find .");
	struct cpio_archive ar;
	struct cpio_entry *index = open_indexed(&ar, &a), e;
	char path[CPIO_PATH_MAX + 10];

	memset(path, 'x', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	assert_int_equal(cpio_lookup(&ar, path, &e), -ENAMETOOLONG);
	free(index);
	free(a.buf);
}

static void expect_listing(const struct cpio_archive *ar, const char *dir,
			   const char *want)
{
	expect_archive_listing(ar, dir, want);
}

static void check_listings(const struct cpio_archive *ar)
{
	struct listing l = { "" };

	expect_listing(ar, "/", "empty/ etc/ lib/ top.txt ");
	expect_listing(ar, "/lib", "modules/ ");
	expect_listing(ar, "lib/modules/", "a.ko b.ko ");
	expect_listing(ar, "/empty", "");
	assert_int_equal(cpio_list(ar, "/top.txt", collect, &l), -ENOTDIR);
	assert_int_equal(cpio_list(ar, "/nope", collect, &l), -ENOENT);
}

static void test_list(void **state)
{
	struct archive a = pack("newc", "find . | LC_ALL=C sort -r");
	struct cpio_archive ar;
	struct cpio_entry *index = open_indexed(&ar, &a);

	check_listings(&ar);
	free(index);
	free(a.buf);
}

static void check_implied_dirs(const struct cpio_archive *ar)
{
	struct cpio_entry e;

	expect_listing(ar, "", "etc/ lib/ ");
	expect_listing(ar, "/lib", "modules/ ");
	expect_listing(ar, "/lib/modules", "a.ko b.ko ");
	assert_int_equal(cpio_lookup(ar, "/lib/modules", &e), 0);
	assert_true(cpio_is_dir(&e));
}

/* Members listed without their directories: the directories are implied. */
static void test_implied_dirs(void **state)
{
	struct archive a =
		pack("newc",
		     "printf 'lib/modules/b.ko\\nlib/modules/a.ko\\netc/modules\\n'");
	struct cpio_archive ar;
	struct cpio_entry *index = open_indexed(&ar, &a);

	assert_int_equal(ar.count, 3);
	check_implied_dirs(&ar);
	free(index);
	free(a.buf);
}

/* Of two entries of one path, the later replaces the earlier (Linux). */
static void test_duplicate_path(void **state)
{
	struct archive a = pack("newc",
				"printf 'etc/modules\\nlib/modules/a.ko\\n"
				"etc/modules\\n'");
	struct cpio_archive ar;
	struct cpio_entry *index = open_indexed(&ar, &a), e;

	assert_int_equal(cpio_lookup(&ar, "etc/modules", &e), 0);
	assert_true(e.offset > header_of(&a, "lib/modules/a.ko"));
	expect_listing(&ar, "etc", "modules ");
	free(index);
	free(a.buf);
}

/* Append a member with no data to the archive being built in @buf. */
static size_t newc_add(uint8_t *buf, size_t pos, const char *name,
		       unsigned int mode)
{
	int n = sprintf((char *)buf + pos,
			"070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%s",
			0u, mode, 0u, 0u, 1u, 0u, 0u, 0u, 0u, 0u, 0u,
			(unsigned int)strlen(name) + 1, 0u, name);

	pos += (size_t)n + 1;
	while (pos % CPIO_ALIGN)
		buf[pos++] = 0;
	return pos;
}

struct big_listing {
	char last[16];
	size_t count;
	bool sub_is_dir;
};

static int big_collect(void *arg, const char *name, size_t len, bool is_dir)
{
	struct big_listing *l = arg;
	char cur[16];

	assert_true(len < sizeof(cur));
	snprintf(cur, sizeof(cur), "%.*s", (int)len, name);
	if (l->count++)
		assert_true(strcmp(l->last, cur) < 0); /* in order, each once */
	strcpy(l->last, cur);
	if (!strcmp(cur, "sub"))
		l->sub_is_dir = is_dir;
	else
		assert_false(is_dir);
	return 0;
}

/*
 * 20,000 files of one directory packed in no order, with a subdirectory's
 * files among them, names that sort around "/" and one file packed twice:
 * the listing names each once, in byte order, and lookups find each.
 */
static void test_big_directory(void **state)
{
	enum { FILES = 20000 };
	uint8_t *buf =
		malloc((FILES + FILES / 1000 + 8) * (CPIO_HEADER_SIZE + 32));
	struct big_listing l = { "", 0, false };
	struct cpio_archive ar;
	struct cpio_entry *index, e;
	char name[32];
	size_t pos = 0;

	assert_non_null(buf);
	for (unsigned int i = 0; i < FILES; i++) {
		snprintf(name, sizeof(name), "d/f%05u", i * 7919 % FILES);
		pos = newc_add(buf, pos, name, CPIO_S_IFREG | 0644);
		if (i % 1000 == 0) {
			snprintf(name, sizeof(name), "d/sub/x%u", i);
			pos = newc_add(buf, pos, name, CPIO_S_IFREG | 0644);
		}
	}
	pos = newc_add(buf, pos, "d/sub-a", CPIO_S_IFREG | 0644);
	pos = newc_add(buf, pos, "d/sub.b", CPIO_S_IFREG | 0644);
	pos = newc_add(buf, pos, "d/f00042", CPIO_S_IFREG | 0600);
	pos = newc_add(buf, pos, CPIO_TRAILER, 0);
	assert_int_equal(cpio_open(&ar, buf, pos, NULL, 0), 0);
	assert_int_equal(ar.count, FILES + FILES / 1000 + 3);
	index = malloc(ar.count * sizeof(*index));
	assert_non_null(index);
	cpio_index(&ar, index);

	assert_int_equal(cpio_list(&ar, "d", big_collect, &l), 0);
	assert_int_equal(l.count, FILES + 3); /* + sub, sub-a, sub.b */
	assert_true(l.sub_is_dir);
	assert_string_equal(l.last, "sub.b");
	for (unsigned int i = 0; i < FILES; i++) {
		snprintf(name, sizeof(name), "/d/f%05u", i);
		assert_int_equal(cpio_lookup(&ar, name, &e), 0);
		assert_string_equal(e.name, name + 1);
	}
	assert_int_equal(cpio_lookup(&ar, "d/f00042", &e), 0);
	assert_int_equal(e.mode, CPIO_S_IFREG | 0600); /* the last packed */
	assert_int_equal(cpio_lookup(&ar, "d/sub", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_int_equal(cpio_lookup(&ar, "d/f20000", &e), -ENOENT);
	assert_int_equal(cpio_lookup(&ar, "d/su", &e), -ENOENT);
	free(index);
	free(buf);
}

static void test_crc_format(void **state)
{
	struct archive a = pack("crc", "find .");
	struct cpio_archive ar;
	struct cpio_entry *index, e;

	assert_memory_equal(a.buf, CPIO_CRC_MAGIC, CPIO_MAGIC_LEN);
	index = open_indexed(&ar, &a);
	assert_int_equal(cpio_lookup(&ar, "lib/modules/a.ko", &e), 0);
	/* One data byte changed: the sum no longer matches. */
	((uint8_t *)e.data)[0] ^= 1;
	expect_reject(&a, a.len, "checksum");
	free(index);
	free(a.buf);
}

static void test_bad_magic(void **state)
{
	struct archive a = pack("newc", "find .");

	a.buf[5] = '7';
	expect_reject(&a, a.len, "header at offset 0: bad magic \"070707\"");
	a.buf[0] = 0x1f; /* e.g. a gzip-compressed archive */
	a.buf[1] = 0x8b;
	expect_reject(&a, a.len, "bad magic \"??0707\"");
	free(a.buf);

	a = pack("odc", "find ."); /* another cpio format */
	expect_reject(&a, a.len, "not a newc archive");
	free(a.buf);
}

static void test_truncated(void **state)
{
	struct archive a = pack("newc", "find .");
	size_t second = header_of(&a, "lib/modules/a.ko");
	size_t trailer = header_of(&a, CPIO_TRAILER);

	expect_reject(&a, 0, "archive ends at offset 0 without a TRAILER!!!");
	expect_reject(&a, 50, "truncated header at offset 0 (50 bytes left");
	expect_reject(&a, second + 20, "truncated header at offset");
	/* Cut inside the name, then inside the data. */
	expect_reject(&a, second + CPIO_HEADER_SIZE + 4,
		      "name size 17 runs past the end");
	expect_reject(&a, second + CPIO_HEADER_SIZE + 18 + 5,
		      "\"lib/modules/a.ko\" at offset");
	expect_reject(&a, second + CPIO_HEADER_SIZE + 18 + 5,
		      "file size 13 runs past the end of the archive (5 bytes left)");
	/* Everything but the trailer. */
	expect_reject(&a, trailer, "without a TRAILER!!! entry");
	free(a.buf);
}

static void test_bad_fields(void **state)
{
	struct archive a = pack("newc", "find .");
	size_t hdr = header_of(&a, "lib/modules/a.ko");
	struct archive copy = { malloc(a.len), a.len };

	assert_non_null(copy.buf);
	memcpy(copy.buf, a.buf, a.len);
	set_field(&copy, hdr, 6, 0xfffffff0); /* filesize */
	expect_reject(&copy, copy.len,
		      "file size 4294967280 runs past the end");

	memcpy(copy.buf, a.buf, a.len);
	set_field(&copy, hdr, 11, 0x7fffffff); /* namesize */
	expect_reject(&copy, copy.len,
		      "name size 2147483647 runs past the end");

	memcpy(copy.buf, a.buf, a.len);
	set_field(&copy, hdr, 11, 0);
	expect_reject(&copy, copy.len, "name size 0 runs past");

	memcpy(copy.buf, a.buf, a.len);
	set_field(&copy, hdr, 11, 5); /* "lib/m" has no NUL at its end */
	expect_reject(&copy, copy.len, "name is not 5 bytes ending in NUL");

	memcpy(copy.buf, a.buf, a.len);
	copy.buf[hdr + CPIO_MAGIC_LEN + 6 * CPIO_FIELD_LEN + 3] = 'g';
	expect_reject(&copy, copy.len, "field filesize is not 8 hex digits");

	memcpy(copy.buf, a.buf, a.len);
	copy.buf[header_of(&a, CPIO_TRAILER) + CPIO_HEADER_SIZE] = 'X';
	expect_reject(&copy, copy.len, "without a TRAILER!!! entry");
	free(copy.buf);
	free(a.buf);
}

/* Random damage anywhere never crashes the reader (run under ASan). */
static void test_random_damage(void **state)
{
	struct archive a = pack("newc", "find .");
	struct cpio_archive ar;
	struct cpio_entry e;
	uint8_t *copy = malloc(a.len);

	assert_non_null(copy);
	srand(1);
	for (int round = 0; round < 2000; round++) {
		size_t len = (size_t)rand() % (a.len + 1);
		uint8_t *buf = malloc(len ? len : 1);

		memcpy(copy, a.buf, a.len);
		for (int k = 0; k < 1 + round % 4; k++)
			copy[rand() % a.len] = (uint8_t)rand();
		memcpy(buf, copy, len);
		if (cpio_open(&ar, buf, len, NULL, 0) == 0) {
			struct cpio_entry *index =
				malloc((ar.count + 1) * sizeof(*index));

			assert_non_null(index);
			cpio_index(&ar, index);
			cpio_lookup(&ar, "lib/modules/a.ko", &e);
			cpio_list(&ar, "lib", collect, &(struct listing){ "" });
			free(index);
		}
		free(buf);
	}
	free(copy);
	free(a.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_archive),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_duplicate_path),
		cmocka_unit_test(test_long_path),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_implied_dirs),
		cmocka_unit_test(test_big_directory),
		cmocka_unit_test(test_crc_format),
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_random_damage),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
