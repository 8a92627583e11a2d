/*
 * The comma-list splitter (kernel/lib/strlist.c) on empty lists, empty
 * items at either end and in the middle, and items longer than any buffer;
 * strlist_contains() as initcall_blacklist= uses it; and modules=, whose
 * reader (kernel/modprobe/cmdline.c, included to reach its setup function)
 * skips empty items and cuts over-long names.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/string.h>

#include "../../kernel/modprobe/cmdline.c"

/* The kernel's own; glibc before 2.38 has none. */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

char saved_command_line[BOOT_CMDLINE_MAX];

#define ITEMS_MAX 8

/* Split @list; each item, copied, joined by '|' into @out ("" items too). */
static size_t split(const char *list, char *out, size_t size)
{
	const char *rest = list, *item;
	size_t len, n = 0, used = 0;

	out[0] = '\0';
	while (strlist_next(&rest, &item, &len)) {
		assert_true(item >= list && item + len <= list + strlen(list));
		used += (size_t)snprintf(out + used, size - used, "%s%.*s",
					 n ? "|" : "", (int)len, item);
		n++;
		assert_true(n <= ITEMS_MAX);
	}
	assert_null(rest);
	return n;
}

static void items_split_at_each_comma(void **state)
{
	char out[128];

	assert_int_equal(split("a,bc,def", out, sizeof(out)), 3);
	assert_string_equal(out, "a|bc|def");
	assert_int_equal(split("one", out, sizeof(out)), 1);
	assert_string_equal(out, "one");
}

/* n commas make n + 1 items, whatever is between them. */
static void empty_items_are_items(void **state)
{
	char out[128];

	assert_int_equal(split("", out, sizeof(out)), 1);
	assert_string_equal(out, "");
	assert_int_equal(split("a,,b", out, sizeof(out)), 3);
	assert_string_equal(out, "a||b");
	assert_int_equal(split(",a", out, sizeof(out)), 2);
	assert_string_equal(out, "|a");
	assert_int_equal(split(",", out, sizeof(out)), 2);
	assert_string_equal(out, "|");
}

static void trailing_comma_ends_with_empty_item(void **state)
{
	char out[128];

	assert_int_equal(split("a,b,", out, sizeof(out)), 3);
	assert_string_equal(out, "a|b|");
}

/* The splitter has no limit of its own: an item is as long as written. */
static void long_item_is_whole(void **state)
{
	char list[1024], out[1100];
	const char *rest = list, *item;
	size_t len;

	memset(list, 'x', 1000);
	strcpy(list + 1000, ",y");
	assert_true(strlist_next(&rest, &item, &len));
	assert_int_equal(len, 1000);
	assert_ptr_equal(item, list);
	assert_int_equal(split(list, out, sizeof(out)), 2);
}

/* Once used up, the cursor stays used up and nothing is set. */
static void used_up_list_sets_nothing(void **state)
{
	const char *rest = "a", *item = NULL;
	size_t len = 42;

	assert_true(strlist_next(&rest, &item, &len));
	assert_false(strlist_next(&rest, &item, &len));
	assert_false(strlist_next(&rest, &item, &len));
	assert_string_equal(item, "a");
	assert_int_equal(len, 1);
}

/* initcall_blacklist=: whole names only, empty items name nothing. */
static void contains_matches_whole_items(void **state)
{
	assert_true(strlist_contains("foo_init,bar_init", "foo_init"));
	assert_true(strlist_contains("foo_init,bar_init", "bar_init"));
	assert_true(strlist_contains(",,bar_init,", "bar_init"));
	assert_false(strlist_contains("foo_init", "foo"));
	assert_false(strlist_contains("foo", "foo_init"));
	assert_false(strlist_contains("foo_init,", "bar_init"));
	assert_false(strlist_contains("", "foo_init"));
	assert_false(strlist_contains(",a,", ""));
	assert_false(strlist_contains("", ""));
}

/* The names modules=@val gives, joined by '|'; an over-long one marked "!". */
static const char *boot_list(const char *val)
{
	static char out[512];
	char name[MODULE_NAME_LEN];
	size_t pos = 0, n, used = 0;

	assert_int_equal(boot_modules_setup(val), 0);
	out[0] = '\0';
	while ((n = modprobe_boot_list_next(&pos, name)) != 0) {
		assert_true(n == MODULE_NAME_LEN ?
				    strlen(name) == MODULE_NAME_LEN - 1 :
				    strlen(name) == n);
		used += (size_t)snprintf(out + used, sizeof(out) - used,
					 "%s%s%s", used ? "|" : "", name,
					 n == MODULE_NAME_LEN ? "!" : "");
	}
	/* The end is the end: asking again gives nothing more. */
	assert_int_equal(modprobe_boot_list_next(&pos, name), 0);
	return out;
}

static void boot_modules_skip_empty_items(void **state)
{
	assert_string_equal(boot_list("a,b"), "a|b");
	assert_string_equal(boot_list(",a,,b,"), "a|b");
	assert_string_equal(boot_list(",,,"), "");
	assert_int_equal(boot_modules_setup(""), -EINVAL);
	assert_int_equal(boot_modules_setup(NULL), -EINVAL);
}

/* A name that cannot fit is cut and flagged; the next one still comes. */
static void boot_modules_cut_long_names(void **state)
{
	char val[2 * MODULE_NAME_LEN + 8], want[2 * MODULE_NAME_LEN + 8];
	size_t fits = MODULE_NAME_LEN - 1;

	memset(val, 'f', fits);
	strcpy(val + fits, ",b");
	strcpy(want, val);
	want[fits] = '|';
	assert_string_equal(boot_list(val), want);

	memset(val, 'l', MODULE_NAME_LEN);
	strcpy(val + MODULE_NAME_LEN, ",b");
	memset(want, 'l', fits);
	strcpy(want + fits, "!|b");
	assert_string_equal(boot_list(val), want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(items_split_at_each_comma),
		cmocka_unit_test(empty_items_are_items),
		cmocka_unit_test(trailing_comma_ends_with_empty_item),
		cmocka_unit_test(long_item_is_whole),
		cmocka_unit_test(used_up_list_sets_nothing),
		cmocka_unit_test(contains_matches_whole_items),
		cmocka_unit_test(boot_modules_skip_empty_items),
		cmocka_unit_test(boot_modules_cut_long_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
