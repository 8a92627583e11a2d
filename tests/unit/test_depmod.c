/*
 * tools/depmod on small relocatable objects compiled here with gcc -c, with
 * export sections made by hand as EXPORT_SYMBOL makes them: the
 * modules.dep it writes (Linux's format, dependencies transitively, users
 * first), its warnings for cycles and duplicate exports, and its errors
 * for files that are not relocatable ELF objects.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/string.h>

char *strstr(const char *haystack, const char *needle);

static char dir[] = "/tmp/sprout-depmod-test.XXXXXX";
static char depmod[256];
static char output[4096]; /* modules.dep or the messages of the last run */

static int run(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	return system(cmd);
}

static void read_back(const char *name)
{
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(output, 1, sizeof(output) - 1, f);
	output[n] = '\0';
	fclose(f);
}

/* Compile module @name from @source into dir/@name.ko. */
static void module(const char *name, const char *source)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.c", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f,
		"#define EXPORT(sym, kind) static const void *__ksymtab_##sym "
		"__attribute__((used, section(\"___ksymtab\" kind \"+\" #sym))) = &sym\n%s",
		source);
	fclose(f);
	assert_int_equal(run("cd %s && gcc -c -O0 -o %s.ko %s.c", dir, name,
			     name),
			 0);
}

/* Run depmod on @mods (names in dir, without .ko); its exit status. */
static int depmod_run(const char *opts, const char *mods)
{
	char list[512] = "", *p = list;
	char word[64];
	int n, status;

	while (sscanf(mods, "%63s%n", word, &n) == 1) {
		p += snprintf(p, sizeof(list) - (size_t)(p - list), " %s/%s.ko",
			      dir, word);
		mods += n;
	}
	status = run("%s %s -o %s/modules.dep%s 2> %s/stderr", depmod, opts,
		     dir, list, dir);
	return WEXITSTATUS(status);
}

static int setup(void **state)
{
	const char *build = getenv("BUILD");

	snprintf(depmod, sizeof(depmod), "%s/tools/depmod",
		 build ? build : "build");
	if (!mkdtemp(dir))
		return -1;
	module("c", "int c_fn(void) { return 3; }\nEXPORT(c_fn, \"\");\n");
	module("b", "int c_fn(void);\nint b_fn(void) { return c_fn(); }\n"
		    "EXPORT(b_fn, \"_gpl\");\n");
	module("a",
	       "int b_fn(void);\nint printk(const char *, ...);\n"
	       "int init_module(void) { printk(\"a\"); return b_fn(); }\n");
	module("d", "int b_fn(void), c_fn(void);\n"
		    "int init_module(void) { return b_fn() + c_fn(); }\n");
	module("x", "int y_fn(void);\nint x_fn(void) { return y_fn(); }\n"
		    "EXPORT(x_fn, \"\");\n");
	module("y", "int x_fn(void);\nint y_fn(void) { return x_fn(); }\n"
		    "EXPORT(y_fn, \"\");\n");
	module("c2", "int c_fn(void) { return 4; }\nEXPORT(c_fn, \"\");\n");
	module("w", "int c_fn(void) __attribute__((weak));\n"
		    "int init_module(void) { return c_fn ? c_fn() : 0; }\n");
	return 0;
}

static int teardown(void **state)
{
	run("rm -rf %s", dir);
	return 0;
}

static void test_chain(void **state)
{
	assert_int_equal(depmod_run("", "a b c"), 0);
	read_back("modules.dep");
	assert_string_equal(output,
			    "lib/modules/a.ko: lib/modules/b.ko lib/modules/c.ko\n"
			    "lib/modules/b.ko: lib/modules/c.ko\n"
			    "lib/modules/c.ko:\n");
	read_back("stderr");
	assert_string_equal(output, "");
}

/* d needs b and c, b needs c: c must come last (it is loaded first). */
static void test_diamond_and_prefix(void **state)
{
	assert_int_equal(depmod_run("-p kernel/", "d c b"), 0);
	read_back("modules.dep");
	assert_string_equal(output, "kernel/d.ko: kernel/b.ko kernel/c.ko\n"
				    "kernel/c.ko:\n"
				    "kernel/b.ko: kernel/c.ko\n");
}

static void test_cycle(void **state)
{
	assert_int_equal(depmod_run("", "a b c x y"), 0);
	read_back("stderr");
	assert_non_null(
		strstr(output,
		       "depmod: WARNING: dependency cycle: x.ko -> y.ko -> x.ko\n"));
	read_back("modules.dep");
	assert_non_null(strstr(output, "lib/modules/x.ko: lib/modules/y.ko\n"));
	assert_non_null(strstr(output, "lib/modules/y.ko: lib/modules/x.ko\n"));
	assert_non_null(
		strstr(output,
		       "lib/modules/a.ko: lib/modules/b.ko lib/modules/c.ko\n"));
}

static void test_duplicate_and_weak(void **state)
{
	assert_int_equal(depmod_run("", "b c c2 w"), 0);
	read_back("stderr");
	assert_non_null(
		strstr(output,
		       "c_fn is exported by both c.ko and c2.ko; using c.ko"));
	read_back("modules.dep");
	assert_string_equal(output, "lib/modules/b.ko: lib/modules/c.ko\n"
				    "lib/modules/c.ko:\n"
				    "lib/modules/c2.ko:\n"
				    "lib/modules/w.ko: lib/modules/c.ko\n");
	/* A weak reference nobody exports is no dependency. */
	assert_int_equal(depmod_run("", "w"), 0);
	read_back("modules.dep");
	assert_string_equal(output, "lib/modules/w.ko:\n");
}

static void test_no_modules(void **state)
{
	assert_int_equal(depmod_run("", ""), 0);
	read_back("modules.dep");
	assert_string_equal(output, "");
}

static void expect_error(const char *mods, const char *what)
{
	assert_int_equal(depmod_run("", mods), 1);
	read_back("stderr");
	if (!strstr(output, what))
		fail_msg("depmod said \"%s\", not \"%s\"", output, what);
}

static void test_bad_files(void **state)
{
	run("echo 'not an object' > %s/text.ko", dir);
	expect_error("text", "text.ko: not an ELF file");
	run("head -c 100 %s/c.ko > %s/short.ko", dir, dir);
	expect_error("short", "short.ko: section headers");
	run("printf 'int main(void) { return 0; }' | gcc -o %s/exe.ko -x c -",
	    dir);
	expect_error("exe",
		     "exe.ko: not a 64-bit little-endian relocatable object");
	expect_error("missing", "missing.ko: No such file or directory");
	/* Section headers cut off: point them past the end of the file. */
	run("cp %s/c.ko %s/cut.ko && truncate -s -64 %s/cut.ko", dir, dir, dir);
	expect_error("cut", "cut.ko: section headers");
	assert_int_equal(run("%s -o /dev/null -x 2>/dev/null", depmod) >> 8, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_diamond_and_prefix),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_duplicate_and_weak),
		cmocka_unit_test(test_no_modules),
		cmocka_unit_test(test_bad_files),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
