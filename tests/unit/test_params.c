/*
 * Module parameters (kernel/module/params.c) as insmod applies them: every
 * scalar type with its range, and module_param_array()'s comma lists,
 * which are stored whole or not at all; each refusal with its message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/moduleparam.h>
#include <kernel/mutex.h>
#include <kernel/string.h>

static char messages[4096];

/* The kernel's log, kept for the tests to read (levels and all). */
int printk(const char *fmt, ...)
{
	size_t used = strlen(messages);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(messages + used, sizeof(messages) - used, fmt, ap);
	va_end(ap);
	return 0;
}

/* The kernel services the parameter code uses, on the host. */
void *kmalloc(size_t size, gfp_t flags)
{
	return malloc(size);
}

void kfree(const void *p)
{
	free((void *)p);
}

int mutex_lock_at(struct mutex *lock, unsigned int state, uintptr_t ip)
{
	return 0;
}

void mutex_unlock_at(struct mutex *lock, uintptr_t ip)
{
}

#define LIST_MAX 4

static bool flag, noflag;
static short small;
static unsigned short usmall;
static int count;
static unsigned int ucount;
static long big;
static unsigned long ubig;
static char *name;
static int list[LIST_MAX];
static unsigned int list_count;
static char *names[3];
static unsigned int names_count;
static short shorts[2];

/* As module_param_array() fills them in. */
static const struct kparam_array list_arr = { .max = LIST_MAX,
					      .elemsize = sizeof(int),
					      .num = &list_count,
					      .ops = &param_ops_int,
					      .elem = list };
static const struct kparam_array names_arr = { .max = 3,
					       .elemsize = sizeof(char *),
					       .num = &names_count,
					       .ops = &param_ops_charp,
					       .elem = names };
/* No count wanted: module_param_array() with a NULL nump. */
static const struct kparam_array shorts_arr = { .max = 2,
						.elemsize = sizeof(short),
						.num = NULL,
						.ops = &param_ops_short,
						.elem = shorts };

static const struct kernel_param params[] = {
	{ .name = "flag", .ops = &param_ops_bool, .arg = &flag },
	{ .name = "noflag", .ops = &param_ops_invbool, .arg = &noflag },
	{ .name = "small", .ops = &param_ops_short, .arg = &small },
	{ .name = "usmall", .ops = &param_ops_ushort, .arg = &usmall },
	{ .name = "count", .ops = &param_ops_int, .arg = &count },
	{ .name = "ucount", .ops = &param_ops_uint, .arg = &ucount },
	{ .name = "big", .ops = &param_ops_long, .arg = &big },
	{ .name = "ubig", .ops = &param_ops_ulong, .arg = &ubig },
	{ .name = "name", .ops = &param_ops_charp, .arg = &name },
	{ .name = "list", .ops = &param_array_ops, .arr = &list_arr },
	{ .name = "names", .ops = &param_array_ops, .arr = &names_arr },
	{ .name = "shorts", .ops = &param_array_ops, .arr = &shorts_arr },
};

/* Every variable back to a value no test sets, the log emptied. */
static int reset(void **state)
{
	param_free_all(params, sizeof(params) / sizeof(params[0]));
	flag = false;
	noflag = true;
	small = usmall = 0;
	count = 0;
	ucount = 0;
	big = 0;
	ubig = 0;
	name = NULL;
	for (size_t i = 0; i < LIST_MAX; i++)
		list[i] = -1;
	list_count = 99;
	names[0] = names[1] = names[2] = NULL;
	names_count = 99;
	shorts[0] = shorts[1] = -1;
	messages[0] = '\0';
	return 0;
}

/* insmod's "mod ARGS": @args copied, since the parser writes into it. */
static int parse(const char *args, char *copy, size_t size)
{
	assert_true(strlen(args) < size);
	strcpy(copy, args);
	return param_parse("mod", copy, params,
			   sizeof(params) / sizeof(params[0]), false);
}

static void scalars_take_their_values(void **state)
{
	char args[256];

	assert_int_equal(parse("flag noflag=1 small=-5 usmall=65535 count=-3 "
			       "ucount=0x10 big=-100000 "
			       "ubig=18446744073709551615 name=\"two words\"",
			       args, sizeof(args)),
			 0);
	assert_true(flag);
	assert_false(noflag);
	assert_int_equal(small, -5);
	assert_int_equal(usmall, 65535);
	assert_int_equal(count, -3);
	assert_int_equal(ucount, 16);
	assert_true(big == -100000);
	assert_true(ubig == ~0ul);
	assert_string_equal(name, "two words");
	assert_string_equal(messages, "");
}

static void scalars_refuse_bad_values_by_name(void **state)
{
	char args[256];

	assert_int_equal(parse("count=abc", args, sizeof(args)), -EINVAL);
	assert_non_null(strstr(messages, "mod: invalid value 'abc' for "
					 "parameter 'count' (EINVAL)"));
	assert_int_equal(parse("small=40000", args, sizeof(args)), -ERANGE);
	assert_int_equal(parse("ucount=-1", args, sizeof(args)), -EINVAL);
	assert_int_equal(parse("flag=maybe", args, sizeof(args)), -EINVAL);
	assert_int_equal(parse("nosuch=1", args, sizeof(args)), -ENOENT);
	assert_non_null(strstr(messages, "mod: unknown parameter 'nosuch'"));
	assert_int_equal(count, 0);
	assert_int_equal(small, 0);
}

static void array_takes_a_comma_list_and_counts_it(void **state)
{
	char args[64];

	assert_int_equal(parse("list=1,-2,0x30", args, sizeof(args)), 0);
	assert_int_equal(list[0], 1);
	assert_int_equal(list[1], -2);
	assert_int_equal(list[2], 0x30);
	assert_int_equal(list[3], -1);
	assert_int_equal(list_count, 3);
	assert_int_equal(parse("list=7", args, sizeof(args)), 0);
	assert_int_equal(list[0], 7);
	assert_int_equal(list[1], -2);
	assert_int_equal(list_count, 1);
	assert_int_equal(parse("list=1,2,3,4", args, sizeof(args)), 0);
	assert_int_equal(list[3], 4);
	assert_int_equal(list_count, LIST_MAX);
}

static void array_refuses_more_values_than_it_holds(void **state)
{
	char args[64];

	assert_int_equal(parse("list=1,2,3,4,5", args, sizeof(args)), -EINVAL);
	assert_non_null(strstr(messages, "list: can only take 4 arguments"));
	assert_int_equal(list[0], -1);
	assert_int_equal(list_count, 99);
}

/* All or nothing: a bad element leaves the whole array as it was. */
static void array_with_a_bad_element_is_left_as_it_was(void **state)
{
	static const char *const bad[] = {
		"list=1,x,3", "list=1,,3", "list=1,",
		"list=,1",    "list=",	   "list",
	};
	char args[64];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(bad[i], args, sizeof(args)), -EINVAL);
		assert_int_equal(list[0], -1);
		assert_int_equal(list_count, 99);
	}
	/* The message quotes the value as given, its commas put back. */
	assert_non_null(strstr(messages, "mod: invalid value '1,x,3' for "
					 "parameter 'list' (EINVAL)"));
	assert_int_equal(parse("shorts=1,40000", args, sizeof(args)), -ERANGE);
	assert_int_equal(shorts[0], -1);
}

static void array_elements_keep_their_own_type(void **state)
{
	char args[64];

	assert_int_equal(parse("names=a,bc,def shorts=-7,300", args,
			       sizeof(args)),
			 0);
	assert_int_equal(names_count, 3);
	assert_string_equal(names[0], "a");
	assert_string_equal(names[1], "bc");
	assert_string_equal(names[2], "def");
	assert_int_equal(shorts[0], -7);
	assert_int_equal(shorts[1], 300);
}

/* As Linux's parse_args(): the good ones applied around a bad one. */
static void good_values_apply_around_a_bad_array(void **state)
{
	char args[64];

	assert_int_equal(parse("count=5 list=1,x ucount=6", args, sizeof(args)),
			 -EINVAL);
	assert_int_equal(count, 5);
	assert_int_equal(ucount, 6);
	assert_int_equal(list[0], -1);
}

/* What a /sys/module/<name>/parameters/<p> file shows: Linux's formats. */
static void getters_print_linux_formats(void **state)
{
	char args[128], buf[4096];

	assert_int_equal(parse("flag=y count=-3 ucount=0x10 names=a,bc "
			       "name=x list=1,2",
			       args, sizeof(args)),
			 0);
	param_get_bool(buf, &params[0]);
	assert_string_equal(buf, "Y\n");
	param_get_invbool(buf, &params[1]);
	assert_string_equal(buf, "N\n");
	assert_int_equal(param_get_int(buf, &params[4]), 3);
	assert_string_equal(buf, "-3\n");
	param_get_uint(buf, &params[5]);
	assert_string_equal(buf, "16\n");
	param_get_charp(buf, &params[8]);
	assert_string_equal(buf, "x\n");
	param_array_ops.get(buf, &params[9]);
	assert_string_equal(buf, "1,2\n");
	param_array_ops.get(buf, &params[10]);
	assert_string_equal(buf, "a,bc\n");
}

/* A sysfs write ends in a newline: numbers and bools take it, as Linux. */
static void setters_take_one_final_newline(void **state)
{
	assert_int_equal(param_set_int("7\n", &params[4]), 0);
	assert_int_equal(count, 7);
	assert_int_equal(param_set_int("7\n\n", &params[4]), -EINVAL);
	assert_int_equal(param_set_int("\n", &params[4]), -EINVAL);
	assert_int_equal(param_set_bool("yes\n", &params[0]), 0);
	assert_true(flag);
	assert_int_equal(param_set_bool("off\n", &params[0]), 0);
	assert_false(flag);
	assert_int_equal(param_set_bool("maybe\n", &params[0]), -EINVAL);
	assert_int_equal(count, 7);
}

/* charp keeps its own copy: the written buffer may go away. */
static void charp_keeps_a_copy_and_frees_the_last(void **state)
{
	char val[8] = "first";

	assert_int_equal(param_set_charp(val, &params[8]), 0);
	strcpy(val, "gone");
	assert_string_equal(name, "first");
	assert_int_equal(param_set_charp("second", &params[8]), 0);
	assert_string_equal(name, "second"); /* the first freed (ASan) */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(scalars_take_their_values, reset),
		cmocka_unit_test_setup(scalars_refuse_bad_values_by_name,
				       reset),
		cmocka_unit_test_setup(array_takes_a_comma_list_and_counts_it,
				       reset),
		cmocka_unit_test_setup(array_refuses_more_values_than_it_holds,
				       reset),
		cmocka_unit_test_setup(array_with_a_bad_element_is_left_as_it_was,
				       reset),
		cmocka_unit_test_setup(array_elements_keep_their_own_type,
				       reset),
		cmocka_unit_test_setup(good_values_apply_around_a_bad_array,
				       reset),
		cmocka_unit_test_setup(getters_print_linux_formats, reset),
		cmocka_unit_test_setup(setters_take_one_final_newline, reset),
		cmocka_unit_test_setup(charp_keeps_a_copy_and_frees_the_last,
				       reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
