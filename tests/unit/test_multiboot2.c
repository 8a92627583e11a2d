/*
 * The Multiboot2 information parser on hand-built blocks: a valid one with
 * every tag the kernel reads, then truncated, misaligned and garbage blocks,
 * each rejected with its reason.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/multiboot2.h>
#include <kernel/string.h>

/* A block builder: tags appended 8-byte aligned. */
struct blk {
	uint8_t buf[8192] __attribute__((aligned(8)));
	size_t len;
};

static void put32(struct blk *b, size_t off, uint32_t v)
{
	memcpy(b->buf + off, &v, 4);
}

static void put64(struct blk *b, size_t off, uint64_t v)
{
	memcpy(b->buf + off, &v, 8);
}

static size_t tag(struct blk *b, uint32_t type, uint32_t size)
{
	size_t off = b->len;

	put32(b, off, type);
	put32(b, off + 4, size);
	b->len = (off + size + 7) & ~7ul;
	return off;
}

static void finish(struct blk *b)
{
	tag(b, MB2_TAG_END, 8);
	put32(b, 0, (uint32_t)b->len);
}

static void build_valid(struct blk *b)
{
	size_t t;

	memset(b, 0, sizeof(*b));
	b->len = 8;
	t = tag(b, MB2_TAG_CMDLINE, 8 + 12);
	memcpy(b->buf + t + 8, "ktest loud", 11);
	t = tag(b, MB2_TAG_MODULE, 16 + 7);
	put32(b, t + 8, 0x200000);
	put32(b, t + 12, 0x201000);
	memcpy(b->buf + t + 16, "initrd", 7);
	t = tag(b, MB2_TAG_MMAP, 16 + 2 * 24);
	put32(b, t + 8, 24);
	put64(b, t + 16, 0);
	put64(b, t + 24, 0x9fc00);
	put32(b, t + 32, MB2_MEMORY_AVAILABLE);
	put64(b, t + 40, 0x100000);
	put64(b, t + 48, 0x7ee0000);
	put32(b, t + 56, MB2_MEMORY_AVAILABLE);
	t = tag(b, MB2_TAG_FRAMEBUFFER, 38);
	put64(b, t + 8, 0x80000000);
	put32(b, t + 16, 4096);
	put32(b, t + 20, 1024);
	put32(b, t + 24, 768);
	b->buf[t + 28] = 32;
	b->buf[t + 29] = MB2_FB_RGB;
	b->buf[t + 32] = 16;
	b->buf[t + 33] = 8;
	tag(b, 99, 12); /* unknown: skipped */
	finish(b);
}

static struct boot_info bi;

static void test_valid(void **state)
{
	struct blk b;
	const char *why;

	build_valid(&b);
	assert_int_equal(mb2_parse(b.buf, b.len, 0x10000, &bi, &why), 0);
	assert_string_equal(bi.cmdline, "ktest loud");
	assert_int_equal(bi.module_count, 1);
	assert_int_equal(bi.modules[0].start, 0x200000);
	assert_int_equal(bi.modules[0].end, 0x201000);
	assert_string_equal(bi.modules[0].name, "initrd");
	assert_int_equal(bi.mmap_count, 2);
	assert_int_equal(bi.mmap[1].addr, 0x100000);
	assert_int_equal(bi.mmap[1].len, 0x7ee0000);
	assert_true(bi.fb.present);
	assert_int_equal(bi.fb.width, 1024);
	assert_int_equal(bi.fb.type, MB2_FB_RGB);
	assert_int_equal(bi.fb.red_pos, 16);
	assert_int_equal(bi.unknown_tags, 1);
	assert_int_equal(bi.info_start, 0x10000);
	assert_int_equal(bi.info_end, 0x10000 + b.len);
}

static void expect_reject(struct blk *b, size_t avail, const char *reason)
{
	const char *why = NULL;

	assert_int_equal(mb2_parse(b->buf, avail, 0, &bi, &why), -EINVAL);
	assert_non_null(why);
	assert_string_equal(why, reason);
}

static void test_truncated(void **state)
{
	struct blk b;

	build_valid(&b);
	expect_reject(&b, b.len - 8, "information block size invalid");
	expect_reject(&b, 4, "information block truncated");
	/* Claimed size cuts the last tags off: no end tag. */
	put32(&b, 0, (uint32_t)(b.len - 8));
	expect_reject(&b, b.len, "no end tag");
}

static void test_bad_tags(void **state)
{
	struct blk b;

	build_valid(&b);
	put32(&b, 8 + 4, 0x10000); /* first tag's size past the end */
	expect_reject(&b, b.len, "tag size runs past the information block");
	build_valid(&b);
	put32(&b, 8 + 4, 4); /* smaller than a tag header */
	expect_reject(&b, b.len, "tag size runs past the information block");

	memset(&b, 0, sizeof(b));
	b.len = 8;
	tag(&b, MB2_TAG_MMAP, 16 + 20);
	put32(&b, 8 + 8, 20); /* entry size below 24 */
	finish(&b);
	expect_reject(&b, b.len, "memory map entry size invalid");

	memset(&b, 0, sizeof(b));
	b.len = 8;
	tag(&b, MB2_TAG_MODULE, 12);
	finish(&b);
	expect_reject(&b, b.len, "module tag too short");

	memset(&b, 0, sizeof(b));
	b.len = 8;
	size_t t = tag(&b, MB2_TAG_MODULE, 17);
	put32(&b, t + 8, 0x3000);
	put32(&b, t + 12, 0x2000);
	finish(&b);
	expect_reject(&b, b.len, "module ends before it starts");
}

/*
 * An entry size near 2^32 must not wrap "offset + size" past the tag's end
 * and read made-up memory ranges from what follows.
 */
static void test_mmap_entry_size_wraps(void **state)
{
	static const uint32_t sizes[] = { 0xfffffff0, 0xfffffff8, 0x7ffffff8 };
	struct blk b;
	size_t t;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memset(&b, 0, sizeof(b));
		b.len = 8;
		t = tag(&b, MB2_TAG_MMAP, 16 + 24);
		put32(&b, t + 8, sizes[i]);
		put64(&b, t + 16, 0x100000);
		put64(&b, t + 24, 0x100000);
		put32(&b, t + 32, MB2_MEMORY_AVAILABLE);
		/* Bytes after the tag that would pass for entries. */
		tag(&b, 99, 64);
		memset(b.buf + t + 40, 0x41, 64);
		put32(&b, t + 40, 99);
		put32(&b, t + 44, 64);
		finish(&b);
		expect_reject(&b, b.len,
			      "memory map entry size larger than its tag");
		assert_int_equal(bi.mmap_count, 0);
	}
}

static void test_misaligned(void **state)
{
	struct blk b;
	const char *why;

	build_valid(&b);
	assert_int_equal(mb2_parse(b.buf + 4, b.len, 0, &bi, &why), -EINVAL);
	assert_string_equal(why, "information block not 8-byte aligned");
}

/* More module tags than the kernel keeps: counted, not silently lost. */
static void test_too_many_modules(void **state)
{
	static struct blk b;
	const char *why;
	size_t t;

	memset(&b, 0, sizeof(b));
	b.len = 8;
	for (int i = 0; i < BOOT_MAX_MODULES + 6; i++) {
		t = tag(&b, MB2_TAG_MODULE, 16 + 2);
		put32(&b, t + 8, 0x100000 + 0x1000 * i);
		put32(&b, t + 12, 0x101000 + 0x1000 * i);
		memcpy(b.buf + t + 16, "m", 2);
	}
	finish(&b);
	assert_int_equal(mb2_parse(b.buf, b.len, 0, &bi, &why), 0);
	assert_int_equal(bi.module_count, BOOT_MAX_MODULES);
	assert_int_equal(bi.modules_ignored, 6);
}

/*
 * A command line longer than the kernel keeps: cut at a blank, never inside
 * a word, whose first part could mean something else.
 */
static void test_cmdline_too_long(void **state)
{
	static struct blk b;
	static char line[BOOT_CMDLINE_MAX + 100];
	const char *word = "module_blacklist=hello_world";
	const char *why;
	size_t pad = BOOT_CMDLINE_MAX - 1 - 20, t;

	/* Blanks of padding, then a word the cut falls inside. */
	memset(line, 'x', pad);
	for (size_t i = 9; i < pad; i += 10)
		line[i] = ' ';
	line[pad - 1] = ' ';
	strcpy(line + pad, word);
	strcat(line, " loud");
	memset(&b, 0, sizeof(b));
	b.len = 8;
	t = tag(&b, MB2_TAG_CMDLINE, 8 + strlen(line) + 1);
	memcpy(b.buf + t + 8, line, strlen(line) + 1);
	finish(&b);
	assert_int_equal(mb2_parse(b.buf, b.len, 0, &bi, &why), 0);
	assert_int_equal(bi.cmdline_len, strlen(line));
	assert_int_equal(strlen(bi.cmdline), pad - 1);
	assert_null(strstr(bi.cmdline, "module_blacklist"));
	assert_memory_equal(bi.cmdline, line, pad - 1);

	/* A cut that falls on a blank keeps every whole word before it. */
	line[BOOT_CMDLINE_MAX - 1] = ' ';
	memset(&b, 0, sizeof(b));
	b.len = 8;
	t = tag(&b, MB2_TAG_CMDLINE, 8 + strlen(line) + 1);
	memcpy(b.buf + t + 8, line, strlen(line) + 1);
	finish(&b);
	assert_int_equal(mb2_parse(b.buf, b.len, 0, &bi, &why), 0);
	assert_int_equal(strlen(bi.cmdline), BOOT_CMDLINE_MAX - 1);

	/* One that fits is kept as it is, with its length. */
	build_valid(&b);
	assert_int_equal(mb2_parse(b.buf, b.len, 0, &bi, &why), 0);
	assert_int_equal(bi.cmdline_len, strlen("ktest loud"));
}

/* A block with a boot loader name and a command line, in that order or not. */
static void build_cmdline(struct blk *b, const char *loader, const char *line,
			  bool loader_first)
{
	size_t t;

	memset(b, 0, sizeof(*b));
	b->len = 8;
	for (int i = 0; i < 2; i++) {
		const char *s = (i == 0) == loader_first ? loader : line;
		uint32_t type = (i == 0) == loader_first ? MB2_TAG_BOOTLOADER :
							   MB2_TAG_CMDLINE;

		t = tag(b, type, 8 + strlen(s) + 1);
		memcpy(b->buf + t + 8, s, strlen(s) + 1);
	}
	finish(b);
}

/*
 * GRUB escapes '\\', '"' and "'" with a backslash; the kernel undoes it
 * whichever tag comes first, and only for GRUB.
 */
static void test_cmdline_grub_escapes(void **state)
{
	static struct blk b;
	const char *given = "p.name=\\\"two words\\\" it\\'s a\\\\b \\n";
	const char *meant = "p.name=\"two words\" it's a\\b \\n";
	const char *why;

	for (int first = 0; first < 2; first++) {
		build_cmdline(&b, "GRUB 2.06-13+deb12u1", given, first);
		assert_int_equal(mb2_parse(b.buf, b.len, 0, &bi, &why), 0);
		assert_string_equal(bi.cmdline, meant);
	}
	build_cmdline(&b, "another loader", given, true);
	assert_int_equal(mb2_parse(b.buf, b.len, 0, &bi, &why), 0);
	assert_string_equal(bi.cmdline, given);
}

/* Random bytes must be rejected or parsed, never read out of bounds (ASan). */
static void test_garbage(void **state)
{
	struct blk b;
	const char *why;

	srand(1234);
	for (int round = 0; round < 2000; round++) {
		size_t len = 8 + (size_t)rand() % 256;

		for (size_t i = 0; i < len; i++)
			b.buf[i] = (uint8_t)rand();
		if (round % 2)
			put32(&b, 0, (uint32_t)len);
		uint8_t *copy = malloc(len);
		memcpy(copy, b.buf, len);
		if (mb2_parse(copy, len, 0, &bi, &why))
			assert_non_null(why);
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_tags),
		cmocka_unit_test(test_mmap_entry_size_wraps),
		cmocka_unit_test(test_misaligned),
		cmocka_unit_test(test_too_many_modules),
		cmocka_unit_test(test_cmdline_too_long),
		cmocka_unit_test(test_cmdline_grub_escapes),
		cmocka_unit_test(test_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
