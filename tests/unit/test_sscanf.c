/*
 * Host tests of the kernel's sscanf(): Linux store functions parse their
 * buffer with it, so the conversions they use must behave as Linux's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <kernel/string.h>

static void integers_with_modifiers_and_widths(void **state)
{
	int d = 0;
	unsigned int u = 0, x = 0;
	long l = 0;
	unsigned long long ll = 0;
	unsigned char hh = 0;

	assert_int_equal(sscanf("32\n", "%d", &d), 1);
	assert_int_equal(d, 32);
	assert_int_equal(sscanf("-7 0x1f 077", "%d %x %i", &d, &x, &u), 3);
	assert_int_equal(d, -7);
	assert_int_equal(x, 0x1f);
	assert_int_equal(u, 077);
	assert_int_equal(sscanf("123456", "%3d%3u", &d, &u), 2);
	assert_int_equal(d, 123);
	assert_int_equal(u, 456);
	assert_int_equal(sscanf("-5 18446744073709551615 300", "%ld %llu %hhu",
				&l, &ll, &hh),
			 3);
	assert_int_equal(l, -5);
	assert_true(ll == ~0ull);
	assert_int_equal(hh, 300 & 0xff);
}

static void strings_chars_literals_and_n(void **state)
{
	char word[8] = "", c = 0;
	int a = 0, b = 0, n = 0;

	assert_int_equal(sscanf("  hello world", "%7s %c", word, &c), 2);
	assert_string_equal(word, "hello");
	assert_int_equal(c, 'w');
	assert_int_equal(sscanf("3:4 rest", "%d:%d%n", &a, &b, &n), 2);
	assert_int_equal(a, 3);
	assert_int_equal(b, 4);
	assert_int_equal(n, 3);
	assert_int_equal(sscanf("7 8", "%*d %d", &a), 1);
	assert_int_equal(a, 8);
}

/* The count stops at the first conversion that fails, as Linux's. */
static void stops_at_the_first_failure(void **state)
{
	int a = -1, b = -1;

	assert_int_equal(sscanf("abc", "%d", &a), 0);
	assert_int_equal(a, -1);
	assert_int_equal(sscanf("5 x", "%d %d", &a, &b), 1);
	assert_int_equal(a, 5);
	assert_int_equal(b, -1);
	assert_int_equal(sscanf("5-6", "%d:%d", &a, &b), 1);
	assert_int_equal(sscanf("", "%d", &a), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(integers_with_modifiers_and_widths),
		cmocka_unit_test(strings_chars_literals_and_n),
		cmocka_unit_test(stops_at_the_first_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
