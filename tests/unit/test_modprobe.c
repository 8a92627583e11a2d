/*
 * The modprobe resolver with a fake loader: load order along a three-level
 * chain, each module once, cycles and missing dependencies reported with
 * their chains while other modules still load; and the readers of
 * modules.dep and etc/modules on well-formed and broken text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>
#include <kernel/errno.h>
#include <kernel/modprobe.h>
#include <kernel/string.h>

char *strstr(const char *haystack, const char *needle);

struct fake {
	struct modules_dep md;
	char loaded[64][MODULE_NAME_LEN];
	size_t n_loaded;
	const char *fails; /* a module whose load fails */
	char order[1024];  /* "name(args) " per load */
	char reports[1024];
};

static int fake_dep(void *ctx, const char *name, struct modprobe_dep_pos *pos,
		    char out[MODULE_NAME_LEN])
{
	struct fake *f = ctx;

	return modprobe_dep_of(&f->md, name, pos, out);
}

static bool fake_loaded(void *ctx, const char *name)
{
	struct fake *f = ctx;

	for (size_t i = 0; i < f->n_loaded; i++)
		if (module_name_eq(f->loaded[i], strlen(f->loaded[i]), name))
			return true;
	return false;
}

static int fake_load(void *ctx, const char *name, const char *args)
{
	struct fake *f = ctx;
	size_t n = strlen(f->order);

	if (f->fails && !strcmp(name, f->fails))
		return -EINVAL;
	snprintf(f->order + n, sizeof(f->order) - n, "%s(%s) ", name, args);
	snprintf(f->loaded[f->n_loaded++], MODULE_NAME_LEN, "%s", name);
	return 0;
}

static void fake_report(void *ctx, const char *msg)
{
	struct fake *f = ctx;
	size_t n = strlen(f->reports);

	snprintf(f->reports + n, sizeof(f->reports) - n, "%s\n", msg);
}

static const struct modprobe_ops fake_ops = {
	.dep = fake_dep,
	.loaded = fake_loaded,
	.load = fake_load,
	.report = fake_report,
};

static struct fake *fake_new(const char *modules_dep)
{
	struct fake *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->md.text = modules_dep;
	f->md.len = strlen(modules_dep);
	return f;
}

/* As tools/depmod writes it for a -> b -> c, plus d needing b and c. */
static const char chain_dep[] =
	"lib/modules/a.ko: lib/modules/b.ko lib/modules/c.ko\n"
	"lib/modules/b.ko: lib/modules/c.ko\n"
	"lib/modules/c.ko:\n"
	"lib/modules/d.ko: lib/modules/b.ko lib/modules/c.ko\n"
	"lib/modules/x.ko: lib/modules/y.ko\n"
	"lib/modules/y.ko: lib/modules/x.ko\n"
	"lib/modules/m.ko: lib/modules/ghost.ko lib/modules/c.ko\n"
	"lib/modules/uses-m.ko: lib/modules/m.ko\n"
	"lib/modules/snd-card.ko:\n";

static void test_chain_order(void **state)
{
	struct fake *f = fake_new(chain_dep);

	assert_int_equal(modprobe_resolve(&fake_ops, f, "a", "x=1"), 0);
	assert_string_equal(f->order, "c() b() a(x=1) ");
	/* Each once: d needs b and c, both loaded already. */
	assert_int_equal(modprobe_resolve(&fake_ops, f, "d", NULL), 0);
	assert_int_equal(modprobe_resolve(&fake_ops, f, "a", NULL), 0);
	assert_string_equal(f->order, "c() b() a(x=1) d() ");
	assert_string_equal(f->reports, "");
	free(f);
}

static void test_cycle(void **state)
{
	struct fake *f = fake_new(chain_dep);

	assert_int_equal(modprobe_resolve(&fake_ops, f, "x", NULL), -ELOOP);
	assert_string_equal(f->reports,
			    "modprobe: dependency cycle: x -> y -> x\n");
	assert_string_equal(f->order, "");
	/* The others still load. */
	assert_int_equal(modprobe_resolve(&fake_ops, f, "d", NULL), 0);
	assert_string_equal(f->order, "c() b() d() ");
	free(f);
}

static void test_missing(void **state)
{
	struct fake *f = fake_new(chain_dep);

	assert_int_equal(modprobe_resolve(&fake_ops, f, "uses_m", NULL),
			 -ENOENT);
	/* c, loaded first (last listed), is in; m and its user are not. */
	assert_string_equal(f->order, "c() ");
	assert_string_equal(f->reports,
			    "modprobe: missing dependency: uses_m -> m -> ghost\n");
	assert_int_equal(modprobe_resolve(&fake_ops, f, "nope", NULL), -ENOENT);
	assert_non_null(
		strstr(f->reports, "modprobe: module not found: nope\n"));
	free(f);
}

/*
 * depmod never lists a dependency twice, but a hand-edited modules.dep
 * may: each dependency loads once, in order, and one that is missing is
 * reported once.
 */
static void test_repeated_deps(void **state)
{
	static const char pair[] = " lib/modules/b.ko lib/modules/c.ko";
	static const char tail[] = "\nlib/modules/b.ko: lib/modules/c.ko c\n"
				   "lib/modules/c.ko:\n"
				   "lib/modules/m.ko: ghost ghost ghost\n";
	size_t size = 64 + 1000 * (sizeof(pair) - 1) + sizeof(tail), n;
	char *text = malloc(size);
	struct fake *f;
	struct modprobe_dep_pos pos = { 0 };
	char out[MODULE_NAME_LEN];
	int ret, count = 0;

	assert_non_null(text);
	n = (size_t)snprintf(text, size, "lib/modules/top.ko:");
	for (int i = 0; i < 1000; i++, n += sizeof(pair) - 1)
		memcpy(text + n, pair, sizeof(pair) - 1);
	memcpy(text + n, tail, sizeof(tail));
	f = fake_new(text);

	/* Every listed word is returned, last first, then the end, once. */
	while ((ret = modprobe_dep_of(&f->md, "top", &pos, out)) > 0)
		assert_string_equal(out, count++ % 2 ? "b" : "c");
	assert_int_equal(ret, 0);
	assert_int_equal(count, 2000);

	assert_int_equal(modprobe_resolve(&fake_ops, f, "top", NULL), 0);
	assert_string_equal(f->order, "c() b() top() ");
	assert_int_equal(modprobe_resolve(&fake_ops, f, "m", NULL), -ENOENT);
	assert_string_equal(f->order, "c() b() top() ");
	assert_string_equal(f->reports,
			    "modprobe: missing dependency: m -> ghost\n");
	free(f);
	free(text);
}

static void test_dash_underscore(void **state)
{
	struct fake *f = fake_new(chain_dep);

	assert_int_equal(modprobe_resolve(&fake_ops, f, "snd_card", NULL), 0);
	assert_string_equal(f->order, "snd_card() ");
	assert_true(module_name_eq("snd-card", 8, "snd_card"));
	assert_false(module_name_eq("snd-card", 8, "snd_car"));
	assert_false(module_name_eq("snd-car", 7, "snd_card"));
	free(f);
}

static void test_load_failure(void **state)
{
	struct fake *f = fake_new(chain_dep);

	f->fails = "b";
	assert_int_equal(modprobe_resolve(&fake_ops, f, "a", NULL), -EINVAL);
	assert_string_equal(f->order, "c() ");
	free(f);
}

/* m0 -> m1 -> ... -> m19: deeper than MODPROBE_DEPTH_MAX. */
static void test_too_deep(void **state)
{
	static char text[4096];
	struct fake *f;
	size_t n = 0;

	for (int i = 0; i < 19; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "lib/modules/m%d.ko: lib/modules/m%d.ko\n",
				      i, i + 1);
	snprintf(text + n, sizeof(text) - n, "lib/modules/m19.ko:\n");
	f = fake_new(text);
	assert_int_equal(modprobe_resolve(&fake_ops, f, "m0", NULL), -ELOOP);
	assert_non_null(
		strstr(f->reports, "dependency chain too long: m0 -> m1 -> "));
	assert_string_equal(f->order, "");
	/* A shorter chain from the middle is fine. */
	assert_int_equal(modprobe_resolve(&fake_ops, f, "m10", NULL), 0);
	assert_string_equal(f->order,
			    "m19() m18() m17() m16() m15() m14() m13() m12() m11() m10() ");
	free(f);
}

static void test_long_names(void **state)
{
	char name[100];
	struct fake *f;
	static char text[300];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	snprintf(text, sizeof(text), "lib/modules/p.ko: lib/modules/%s.ko\n",
		 name);
	f = fake_new(text);
	assert_int_equal(modprobe_resolve(&fake_ops, f, name, NULL),
			 -ENAMETOOLONG);
	assert_int_equal(modprobe_resolve(&fake_ops, f, "p", NULL),
			 -ENAMETOOLONG);
	assert_non_null(
		strstr(f->reports, "modprobe: bad dependency list: p\n"));
	free(f);
}

static void test_modules_dep_text(void **state)
{
	static const char text[] =
		"# a comment\n\nno colon here\n"
		"lib/modules/q.ko:   lib/modules/r.ko\t lib/modules/s.ko  \r\n"
		"lib/modules/s.ko:"; /* last line without a newline */
	struct modules_dep md = { text, sizeof(text) - 1 };
	struct modprobe_dep_pos q = { 0 }, s = { 0 }, r = { 0 }, none = { 0 };
	char out[MODULE_NAME_LEN];

	assert_int_equal(modprobe_dep_of(&md, "q", &q, out), 1);
	assert_string_equal(out, "s");
	assert_int_equal(modprobe_dep_of(&md, "q", &q, out), 1);
	assert_string_equal(out, "r");
	assert_int_equal(modprobe_dep_of(&md, "q", &q, out), 0);
	assert_int_equal(modprobe_dep_of(&md, "q", &q, out), 0);
	assert_int_equal(modprobe_dep_of(&md, "s", &s, out), 0);
	assert_int_equal(modprobe_dep_of(&md, "r", &r, out), -ENOENT);
	assert_int_equal(modprobe_dep_of(&md, "no colon here", &none, out),
			 -ENOENT);
}

static void test_etc_modules(void **state)
{
	static char text[600] = "# modules to load\n"
				"\n"
				"   hello   greeting=hi   count=3  \r\n"
				"\t# indented comment\n"
				"plain\n";
	char name[MODULE_NAME_LEN], args[MODPROBE_ARGS_MAX];
	size_t pos = 0, len;

	len = strlen(text);
	memset(text + len, 'x', 70); /* a name too long, no newline */
	memcpy(text + len + 70, " a=1\nafter", 11);
	len = strlen(text);
	assert_int_equal(modprobe_etc_next(text, len, &pos, name, args), 1);
	assert_string_equal(name, "hello");
	assert_string_equal(args, "greeting=hi   count=3");
	assert_int_equal(modprobe_etc_next(text, len, &pos, name, args), 1);
	assert_string_equal(name, "plain");
	assert_string_equal(args, "");
	assert_int_equal(modprobe_etc_next(text, len, &pos, name, args),
			 -ENAMETOOLONG);
	assert_int_equal(modprobe_etc_next(text, len, &pos, name, args), 1);
	assert_string_equal(name, "after");
	assert_int_equal(modprobe_etc_next(text, len, &pos, name, args), 0);
	assert_int_equal(modprobe_etc_next(text, len, &pos, name, args), 0);
}

static void test_etc_modules_long_args(void **state)
{
	static char text[MODPROBE_ARGS_MAX + 64] = "mod ";
	char name[MODULE_NAME_LEN], args[MODPROBE_ARGS_MAX];
	size_t pos = 0;

	memset(text + 4, 'a', MODPROBE_ARGS_MAX);
	memcpy(text + 4 + MODPROBE_ARGS_MAX, "\nnext\n", 7);
	assert_int_equal(modprobe_etc_next(text, strlen(text), &pos, name,
					   args),
			 -E2BIG);
	assert_int_equal(modprobe_etc_next(text, strlen(text), &pos, name,
					   args),
			 1);
	assert_string_equal(name, "next");
}

/* Random text as modules.dep: the walk ends, nothing is read out of bounds. */
static void test_random_text(void **state)
{
	static const char alphabet[] = "ab:/ .ko\n#-_";
	srand(2);
	for (int round = 0; round < 500; round++) {
		size_t len = (size_t)rand() % 200;
		char *text = malloc(len ? len : 1);
		char name[MODULE_NAME_LEN], args[MODPROBE_ARGS_MAX];
		struct fake *f;
		size_t pos = 0;

		for (size_t i = 0; i < len; i++)
			text[i] = alphabet[rand() % (sizeof(alphabet) - 1)];
		f = calloc(1, sizeof(*f));
		assert_non_null(f);
		f->md = (struct modules_dep){ text, len };
		modprobe_resolve(&fake_ops, f, "a", NULL);
		modprobe_resolve(&fake_ops, f, "b", NULL);
		while (modprobe_etc_next(text, len, &pos, name, args) != 0)
			;
		free(f);
		free(text);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chain_order),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_repeated_deps),
		cmocka_unit_test(test_dash_underscore),
		cmocka_unit_test(test_load_failure),
		cmocka_unit_test(test_too_deep),
		cmocka_unit_test(test_long_names),
		cmocka_unit_test(test_modules_dep_text),
		cmocka_unit_test(test_etc_modules),
		cmocka_unit_test(test_etc_modules_long_args),
		cmocka_unit_test(test_random_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
