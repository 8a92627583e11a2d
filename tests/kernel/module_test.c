/*
 * In-kernel tests of the module loader on the sample modules, which the
 * boot test hands to GRUB as module2 files: load and unload, references
 * between modules, refused modules leaving no trace (frame, heap and
 * module-area counters return exactly), permissions of the loaded parts,
 * parameters, version magic, GPL-only exports, and 100 load/unload rounds
 * of every sample module.
 * The files come from the initrd (or GRUB boot modules); booted without
 * either, the cases have nothing to load and say so.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "modfiles.h"

/*
 * Built-in parameters: "module_test.answer=42 module_test.greeting=hi" on
 * the command line sets them (tests/boot/modules.sh passes that); without
 * it, they keep their defaults.  The string is read once boot is over and
 * init memory freed, as built-in code would read it.
 */
static int answer;
module_param(answer, int, 0444);
MODULE_PARM_DESC(answer, "Set from the command line by the boot test");
static char *greeting = "none";
module_param(greeting, charp, 0444);
MODULE_PARM_DESC(greeting, "Set from the command line by the boot test");

struct ko {
	const void *buf;
	size_t len;
};

static bool ko_get(const char *name, struct ko *ko)
{
	return modprobe_file(name, &ko->buf, &ko->len) == 0;
}

/* Give back what ko_get() read. */
static void ko_put(struct ko *ko)
{
	kfree((void *)ko->buf);
	ko->buf = NULL;
}

static int load(const char *name, const char *args)
{
	struct ko ko;

	int ret;

	if (!ko_get(name, &ko))
		return -ENOENT;
	ret = load_module(name, ko.buf, ko.len, args);
	ko_put(&ko);
	return ret;
}

/* The counters, with the heap's cached free pages handed back first. */
static void memory_snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

/* Is "@tag=@value" one of @mod's .modinfo strings? */
static bool has_info(struct module *mod, const char *tag, const char *value)
{
	const char *v;

	for (unsigned int n = 0; (v = module_get_info(mod, tag, n)); n++)
		if (!strcmp(v, value))
			return true;
	return false;
}

static void test_files_present(struct ktest *t)
{
	struct ko ko;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT(t, ko_get("hello", &ko));
	ko_put(&ko);
	KT_EXPECT(t, ko_get("failinit", &ko));
	ko_put(&ko);
	KT_EXPECT(t, !ko_get("no_such_module", &ko));
}

static void test_load_unload(struct ktest *t)
{
	struct module *mod;
	char buf[KSYM_SYMBOL_LEN];

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, load("hello", NULL), 0);
	mod = module_find("hello");
	KT_EXPECT(t, mod && mod->state == MODULE_STATE_LIVE);
	if (mod) {
		KT_EXPECT(t, mod->init == NULL); /* freed after init */
		/* lsmod's size, as Linux's: init memory no longer counts. */
		KT_EXPECT(t, mod->init_size > 0);
		KT_EXPECT_EQ(t, module_size(mod), mod->core_size);
		KT_EXPECT(t, mod->exit_fn != NULL);
		sprint_symbol(buf, sizeof(buf), (uintptr_t)mod->exit_fn + 1);
		KT_EXPECT(t, !strcmp(buf + strlen(buf) - 8, " [hello]"));
		/* clang keeps only the alias when a static function has one. */
		KT_EXPECT(t, !strncmp(buf, "hello_exit+0x1/", 15) ||
				     !strncmp(buf, "cleanup_module+0x1/", 19));
	}
	KT_EXPECT_EQ(t, load("hello", NULL), -EEXIST);
	KT_EXPECT_EQ(t, remove_module("hello"), 0);
	KT_EXPECT(t, module_find("hello") == NULL);
	KT_EXPECT_EQ(t, remove_module("hello"), -ENOENT);
}

static void test_references(struct ktest *t)
{
	struct module *exporter;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, load("importer", NULL), -ENOENT); /* Unknown symbol */
	KT_EXPECT_EQ(t, load("exporter", NULL), 0);
	KT_EXPECT_EQ(t, load("importer", NULL), 0);
	exporter = module_find("exporter");
	KT_EXPECT(t, exporter && exporter->refcount == 1);
	KT_EXPECT_EQ(t, remove_module("exporter"), -EBUSY);
	KT_EXPECT_EQ(t, remove_module("importer"), 0);
	KT_EXPECT(t, exporter && exporter->refcount == 0);
	KT_EXPECT_EQ(t, remove_module("exporter"), 0);
}

static void test_refused_leave_no_trace(struct ktest *t)
{
	struct mm_stats before, after;

	if (!ktest_have_module_files(t))
		return;
	/* Warm up: the export hash is built on first use. */
	KT_EXPECT_EQ(t, load("hello", NULL), 0);
	KT_EXPECT_EQ(t, remove_module("hello"), 0);
	memory_snapshot(&before);
	KT_EXPECT_EQ(t, load("failinit", NULL), -ENODEV);
	KT_EXPECT(t, module_find("failinit") == NULL);
	KT_EXPECT_EQ(t, load("importer", NULL), -ENOENT);
	KT_EXPECT_EQ(t, load("params", "count=abc"), -EINVAL);
	KT_EXPECT_EQ(t, load("params", "nosuch=1"), -ENOENT);
	KT_EXPECT_EQ(t, load("params", "small=40000"), -ERANGE);
	KT_EXPECT_EQ(t, load("params", "list=1,2,3,4,5"), -EINVAL);
	KT_EXPECT_EQ(t, load("params", "ucount=-1"), -EINVAL);
	KT_EXPECT_EQ(t, load("exporter", NULL), 0);
	KT_EXPECT_EQ(t, load("nongpl", NULL), -EPERM); /* GPL-only symbol */
	KT_EXPECT(t, kernel_taint & TAINT_PROPRIETARY_MODULE);
	KT_EXPECT_EQ(t, remove_module("exporter"), 0);
	memory_snapshot(&after);
	ktest_same_mm(t, NULL, &before, &after);
}

static void test_permanent(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, load("permanent", NULL), 0);
	KT_EXPECT_EQ(t, remove_module("permanent"), -EBUSY);
	KT_EXPECT(t, module_find("permanent") != NULL);
}

static pte_t flags_of(const void *base, size_t offset)
{
	pte_t flags = 0;

	if (vmm_translate((uintptr_t)base + offset, NULL, &flags))
		return 0;
	return flags;
}

static void test_permissions(struct ktest *t)
{
	struct module *mod;
	pte_t text, ro, data;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, load("params", NULL), 0);
	mod = module_find("params");
	if (!mod)
		return;
	text = flags_of(mod->core, 0);
	ro = flags_of(mod->core, mod->core_text_size);
	data = flags_of(mod->core, mod->core_ro_size);
	KT_EXPECT(t, (text & PTE_PRESENT) && !(text & PTE_WRITABLE) &&
			     !(text & PTE_NX));
	KT_EXPECT(t,
		  (ro & PTE_PRESENT) && !(ro & PTE_WRITABLE) && (ro & PTE_NX));
	KT_EXPECT(t, (data & PTE_PRESENT) && (data & PTE_WRITABLE) &&
			     (data & PTE_NX));
	KT_EXPECT(t, mod->core_ro_size < mod->core_size);
	KT_EXPECT_EQ(t, remove_module("params"), 0);
}

/* The variable behind parameter @name of @mod. */
static void *param_var(struct module *mod, const char *name)
{
	for (size_t i = 0; i < mod->num_params; i++)
		if (!strcmp(mod->params[i].name, name))
			return mod->params[i].arg;
	return NULL;
}

static void test_parameters(struct ktest *t)
{
	struct module *mod;
	const struct kparam_array *list;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t,
		     load("params", "flag noflag=1 small=-5 usmall=65535 "
				    "count=-3 ucount=0x10 big=-100000 "
				    "ubig=18446744073709551615 "
				    "name=\"two words\" list=4,5,6 level=9"),
		     0);
	mod = module_find("params");
	if (!mod)
		return;
	KT_EXPECT_EQ(t, *(bool *)param_var(mod, "flag"), 1);
	KT_EXPECT_EQ(t, *(bool *)param_var(mod, "noflag"), 0);
	KT_EXPECT_EQ(t, *(short *)param_var(mod, "small"), -5);
	KT_EXPECT_EQ(t, *(unsigned short *)param_var(mod, "usmall"), 65535);
	KT_EXPECT_EQ(t, *(int *)param_var(mod, "count"), -3);
	KT_EXPECT_EQ(t, *(unsigned int *)param_var(mod, "ucount"), 16);
	KT_EXPECT_EQ(t, *(long *)param_var(mod, "big"), -100000);
	KT_EXPECT(t, *(unsigned long *)param_var(mod, "ubig") == ~0ul);
	KT_EXPECT(t, !strcmp(*(char **)param_var(mod, "name"), "two words"));
	KT_EXPECT_EQ(t, *(int *)param_var(mod, "level"), 9);
	for (size_t i = 0; i < mod->num_params; i++)
		if (!strcmp(mod->params[i].name, "list")) {
			list = mod->params[i].arr;
			KT_EXPECT_EQ(t, *list->num, 3);
			KT_EXPECT_EQ(t, ((int *)list->elem)[2], 6);
		}
	KT_EXPECT(t, has_info(mod, "parm", "flag:A yes/no switch"));
	KT_EXPECT(t, has_info(mod, "parmtype", "list:array of int"));
	KT_EXPECT_EQ(t, remove_module("params"), 0);
}

static void test_vermagic(struct ktest *t)
{
	struct ko ko = { 0 };
	char *copy, *magic;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT(t, ko_get("hello", &ko));
	if (!ko.buf)
		return;
	copy = kmalloc(ko.len, GFP_KERNEL);
	KT_EXPECT(t, copy != NULL);
	if (copy)
		memcpy(copy, ko.buf, ko.len);
	ko_put(&ko);
	if (!copy)
		return;
	magic = NULL;
	for (size_t i = 0; i + 9 < ko.len && !magic; i++)
		if (!memcmp(copy + i, "vermagic=", 9))
			magic = copy + i + 9;
	KT_EXPECT(t, magic != NULL);
	if (magic)
		magic[0] = 'X';
	KT_EXPECT_EQ(t, load_module("hello", copy, ko.len, NULL), -ENOEXEC);
	KT_EXPECT(t, module_find("hello") == NULL);
	kfree(copy);
}

/* Where @word starts in the command line, or NULL. */
static const char *cmdline_find(const char *word)
{
	for (const char *p = saved_command_line; *p; p++)
		if (!strncmp(p, word, strlen(word)))
			return p;
	return NULL;
}

static void test_builtin_parameter(struct ktest *t)
{
	const char *given = cmdline_find("module_test.answer=");

	KT_EXPECT_EQ(t, answer, given ? 42 : 0);
	if (given)
		KT_EXPECT(t, !strncmp(given, "module_test.answer=42", 21));
	given = cmdline_find("module_test.greeting=");
	KT_EXPECT(t, !strcmp(greeting, given ? "hi" : "none"));
}

/*
 * Every sample module that can come and go, loaded in dependency order and
 * removed in reverse, plus the ones the loader must refuse.  Left out:
 * permanent (cannot be removed by design) and initfree (its exit faults on
 * purpose).
 */
static const struct {
	const char *name;
	const char *args;
	int expect; /* load_module's result */
} round_modules[] = {
	{ "hello", NULL, 0 },
	{ "initdata", NULL, 0 },
	{ "exporter", NULL, 0 },
	{ "importer", NULL, 0 },
	{ "params", "name=x list=1,2", 0 },
	{ "twoobj", NULL, 0 },
	{ "rawinit", NULL, 0 },
	{ "posinit", NULL, 0 },
	{ "closed", NULL, 0 },
	{ "bigreloc", NULL, 0 },
	{ "failinit", NULL, -ENODEV },
	{ "nongpl", NULL, -EPERM },
	{ "dupcmd", NULL, -EEXIST },
};

static int one_round(void)
{
	int failures = 0;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(round_modules); i++)
		failures +=
			load(round_modules[i].name, round_modules[i].args) !=
			round_modules[i].expect;
	while (i--)
		if (round_modules[i].expect == 0)
			failures += remove_module(round_modules[i].name) != 0;
	return failures;
}

/* Constructors run before init_module (which fails without them), once. */
static void test_constructors(struct ktest *t)
{
	struct module *mod;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, load("ctor", NULL), 0);
	mod = module_find("ctor");
	KT_EXPECT(t, mod && mod->num_ctors == 1);
	KT_EXPECT_EQ(t, remove_module("ctor"), 0);
}

static void test_hundred_rounds(struct ktest *t)
{
	struct mm_stats before, after;
	int failures = 0, saved = console_loglevel;

	if (!ktest_have_module_files(t))
		return;
	/* The modules greet and warn on every load: keep the console quiet. */
	console_loglevel = 4;
	memory_snapshot(&before);
	for (int i = 0; i < 100; i++)
		failures += one_round();
	memory_snapshot(&after);
	console_loglevel = saved;
	KT_EXPECT_EQ(t, failures, 0);
	ktest_same_mm(t, NULL, &before, &after);
}

KTEST_SUITE(module, KTEST_CASE(test_files_present),
	    KTEST_CASE(test_load_unload), KTEST_CASE(test_references),
	    KTEST_CASE(test_refused_leave_no_trace), KTEST_CASE(test_permanent),
	    KTEST_CASE(test_permissions), KTEST_CASE(test_parameters),
	    KTEST_CASE(test_vermagic), KTEST_CASE(test_builtin_parameter),
	    KTEST_CASE(test_constructors), KTEST_CASE(test_hundred_rounds));
