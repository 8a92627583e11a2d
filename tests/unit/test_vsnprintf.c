/*
 * The kernel's vsnprintf and kstrto* on the host: every conversion, flag and
 * length modifier against the expected text, and truncation.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/string.h>

/* excerpt: check-macro */
#define CHECK(expect, ...)                                       \
	do {                                                     \
		char buf[128];                                   \
		int n = snprintf(buf, sizeof(buf), __VA_ARGS__); \
		assert_string_equal(buf, expect);                \
		assert_int_equal(n, (int)strlen(expect));        \
	} while (0)
/* excerpt-end: check-macro */

static void test_integers(void **state)
{
	CHECK("42", "%d", 42);
	CHECK("-42", "%i", -42);
	CHECK("4294967295", "%u", 4294967295u);
	CHECK("ff FF", "%x %X", 255, 255);
	CHECK("17", "%o", 15);
	CHECK("-9223372036854775808", "%lld", (long long)INT64_MIN);
	CHECK("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
	CHECK("-1", "%ld", -1L);
	CHECK("123", "%zu", (size_t)123);
	CHECK("-2", "%hd", (short)-2);
	CHECK("65535", "%hu", 65535);
	CHECK("255", "%hhu", 255);
	CHECK("0", "%d", 0);
}

static void test_width_and_flags(void **state)
{
	CHECK("   42", "%5d", 42);
	CHECK("42   |", "%-5d|", 42);
	CHECK("00042", "%05d", 42);
	CHECK("-0042", "%05d", -42);
	CHECK("+42", "%+d", 42);
	CHECK(" 42", "% d", 42);
	CHECK("0x1f", "%#x", 31);
	CHECK("0X1F", "%#X", 31);
	CHECK("017", "%#o", 15);
	CHECK("  007", "%5.3d", 7);
	CHECK("", "%.0d", 0);
	CHECK("   42", "%*d", 5, 42);
	CHECK("42   |", "%*d|", -5, 42);
	CHECK("0000ffff", "%08x", 0xffff);
	CHECK("%", "%%");
}

static void test_strings_and_chars(void **state)
{
	CHECK("hello", "%s", "hello");
	CHECK("  abc", "%5s", "abc");
	CHECK("abc  |", "%-5s|", "abc");
	CHECK("ab", "%.2s", "abcdef");
	/* Deliberately odd formats: the compiler would warn about them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
	CHECK("(null)", "%s", (char *)NULL);
	CHECK("x", "%c", 'x');
	CHECK("  x", "%3c", 'x');
	CHECK("0x1000", "%p", (void *)0x1000);
	CHECK("%q", "%q");
#pragma GCC diagnostic pop
}

/* excerpt: test-truncation */
static void test_truncation(void **state)
{
	char buf[8];
	int n;

	memset(buf, 'z', sizeof(buf));
	n = snprintf(buf, sizeof(buf), "%s", "0123456789");
	assert_int_equal(n, 10);
	assert_string_equal(buf, "0123456");
	n = snprintf(buf, 0, "%d", 12345);
	assert_int_equal(n, 5);
	assert_int_equal(buf[0], '0');
	n = snprintf(buf, 1, "%d", 12345);
	assert_int_equal(buf[0], '\0');
}
/* excerpt-end: test-truncation */

static void test_kstrto(void **state)
{
	unsigned long long u;
	long long s;

	assert_int_equal(kstrtoull("123", 10, &u), 0);
	assert_int_equal(u, 123);
	assert_int_equal(kstrtoull("0x1F", 0, &u), 0);
	assert_int_equal(u, 31);
	assert_int_equal(kstrtoull("017", 0, &u), 0);
	assert_int_equal(u, 15);
	assert_int_equal(kstrtoull("12abc", 10, &u), -EINVAL);
	assert_int_equal(kstrtoull("", 10, &u), -EINVAL);
	assert_int_equal(kstrtoull("18446744073709551616", 10, &u), -ERANGE);
	assert_int_equal(kstrtoll("-5", 10, &s), 0);
	assert_int_equal(s, -5);
	assert_int_equal(kstrtoll("-9223372036854775808", 10, &s), 0);
	assert_true(s == INT64_MIN);
	assert_int_equal(kstrtoll("9223372036854775808", 10, &s), -ERANGE);
}

/* A symbol table of one function, 0x1000..0x1040, in module "m". */
static int fake_symbol(char *buf, size_t size, uintptr_t addr, bool with_offset)
{
	if (addr < 0x1000 || addr >= 0x1040)
		return snprintf(buf, size, "0x%lx", (unsigned long)addr);
	if (with_offset)
		return snprintf(buf, size, "fn+0x%lx/0x40 [m]",
				(unsigned long)(addr - 0x1000));
	return snprintf(buf, size, "fn [m]");
}

static void test_pointer_extensions(void **state)
{
	vsnprintf_symbol = NULL;
	CHECK("0x1010", "%pS", (void *)0x1010);
	CHECK("0x1010 x", "%ps x", (void *)0x1010);
	vsnprintf_symbol = fake_symbol;
	CHECK("at fn+0x10/0x40 [m].", "at %pS.", (void *)0x1010);
	CHECK("fn [m]", "%ps", (void *)0x1010);
	CHECK("0x1010", "%px", (void *)0x1010);
	CHECK("0x2000", "%p", (void *)0x2000);
	CHECK("0x3000!", "%pS!", (void *)0x3000);
	vsnprintf_symbol = NULL;
}

static void test_kstrto_narrow(void **state)
{
	int i;
	unsigned int u;
	long l;
	unsigned long ul;
	bool b;

	assert_int_equal(kstrtoint("-2147483648", 10, &i), 0);
	assert_true(i == INT32_MIN);
	assert_int_equal(kstrtoint("2147483648", 10, &i), -ERANGE);
	assert_int_equal(kstrtouint("4294967295", 10, &u), 0);
	assert_true(u == UINT32_MAX);
	assert_int_equal(kstrtouint("4294967296", 10, &u), -ERANGE);
	assert_int_equal(kstrtol("-0x10", 16, &l), 0);
	assert_int_equal(l, -16);
	assert_int_equal(kstrtoul("12x", 10, &ul), -EINVAL);
	assert_int_equal(kstrtobool("on", &b), 0);
	assert_true(b);
	assert_int_equal(kstrtobool("N", &b), 0);
	assert_false(b);
	assert_int_equal(kstrtobool("maybe", &b), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_width_and_flags),
		cmocka_unit_test(test_strings_and_chars),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_kstrto),
		cmocka_unit_test(test_pointer_extensions),
		cmocka_unit_test(test_kstrto_narrow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
