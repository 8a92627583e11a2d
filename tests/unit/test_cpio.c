/*
 * The cpio "newc" reader on archives GNU cpio writes at test time, then on
 * copies corrupted by hand: each kind of damage is rejected with a message
 * saying what and where, and a walk with cpio_next() reads each member
 * cpio packed, in order, with its name, type and data.  (What the
 * unpacker makes of them is test_cpio_initramfs's.)
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

/* The last entry cpio_next() reads named @name, as packed (0 or -ENOENT). */
static int find_entry(const struct cpio_archive *ar, const char *name,
		      struct cpio_entry *out)
{
	struct cpio_cursor cur = { 0, 0 };
	struct cpio_entry e;
	int ret = -ENOENT;

	while (cpio_next(ar, &cur, &e, NULL, 0) > 0)
		if (e.name_len == strlen(name) &&
		    !memcmp(e.name, name, e.name_len)) {
			*out = e;
			ret = 0;
		}
	return ret;
}

static void check_valid_entries(const struct cpio_archive *ar)
{
	struct cpio_entry e;

	assert_int_equal(find_entry(ar, "lib/modules/a.ko", &e), 0);
	assert_int_equal(e.size, 13);
	assert_memory_equal(e.data, "AAAA-module-a", 13);
	assert_false(cpio_is_dir(&e));
	assert_int_equal(e.mode & CPIO_S_IFMT, CPIO_S_IFREG);
	assert_int_equal(find_entry(ar, "etc/modules", &e), 0);
	assert_memory_equal(e.data, "# boot modules\n", 15);
	assert_int_equal(find_entry(ar, "lib/modules/b.ko", &e), 0);
	assert_int_equal(e.size, 1);
	assert_int_equal(find_entry(ar, "top.txt", &e), 0);
	assert_int_equal(e.size, 0);
	assert_int_equal(find_entry(ar, "lib", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_int_equal(e.name_len, 3);
	/* "." loses its dot: the root, which the unpacker skips. */
	assert_int_equal(find_entry(ar, "", &e), 0);
	assert_true(cpio_is_dir(&e));
	assert_true(cpio_dropped(&e));
	assert_int_equal(find_entry(ar, "lib/modules/c.ko", &e), -ENOENT);
}

static void test_valid_archive(void **state)
{
	struct archive a = pack("newc", "find .");
	struct cpio_archive ar;
	char err[256];

	assert_int_equal(cpio_open(&ar, a.buf, a.len, err, sizeof(err)), 0);
	/* ., etc, etc/modules, lib, lib/modules, 2 modules, empty, top.txt */
	assert_int_equal(ar.count, 9);
	check_valid_entries(&ar);
	free(a.buf);
}

static void test_crc_format(void **state)
{
	struct archive a = pack("crc", "find .");
	struct cpio_archive ar;
	struct cpio_entry e;

	assert_memory_equal(a.buf, CPIO_CRC_MAGIC, CPIO_MAGIC_LEN);
	assert_int_equal(cpio_open(&ar, a.buf, a.len, NULL, 0), 0);
	assert_int_equal(find_entry(&ar, "lib/modules/a.ko", &e), 0);
	/* One data byte changed: the sum no longer matches. */
	((uint8_t *)e.data)[0] ^= 1;
	expect_reject(&a, a.len, "checksum");
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
		if (cpio_open(&ar, buf, len, NULL, 0) == 0)
			find_entry(&ar, "lib/modules/a.ko", &e);
		free(buf);
	}
	free(copy);
	free(a.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_archive),
		cmocka_unit_test(test_crc_format),
		cmocka_unit_test(test_bad_magic),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_fields),
		cmocka_unit_test(test_random_damage),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
