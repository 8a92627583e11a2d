/*
 * Every sample module loaded under injected allocation failure: for each
 * allocator (kmalloc, frames, module area) and N = 1, 2, ... the N-th
 * allocation of the load fails, until a load makes fewer than N.  Each
 * attempt must load or fail cleanly -- with -ENOMEM (or the module's own
 * error) and a message naming the module -- and leave the frame, heap and
 * module-area counters as they were.  Then a seeded run where any
 * allocation of any kind fails with some probability.
 */
#include <kernel/errno.h>
#include <kernel/fault_inject.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include "modfiles.h"

#define ATTEMPTS_MAX 2000 /* no load makes this many allocations */
#define RANDOM_LOADS 300
#define RANDOM_PERCENT 5

/* A sample module, what it needs loaded first, and its own result. */
struct fault_module {
	const char *name;
	const char *deps[2];
	const char *args;
	int expect;
	bool stays; /* cannot be removed: tried last, left loaded */
};

static const struct fault_module fault_modules[] = {
	{ "hello", { NULL }, NULL, 0, false },
	{ "initdata", { NULL }, NULL, 0, false },
	{ "exporter", { NULL }, NULL, 0, false },
	{ "importer", { "exporter" }, NULL, 0, false },
	{ "params", { NULL }, "name=x list=1,2 flag", 0, false },
	{ "twoobj", { NULL }, NULL, 0, false },
	{ "rawinit", { NULL }, NULL, 0, false },
	{ "posinit", { NULL }, NULL, 0, false },
	{ "closed", { NULL }, NULL, 0, false },
	{ "bigreloc", { NULL }, NULL, 0, false },
	{ "chain_base", { NULL }, NULL, 0, false },
	{ "chain_mid", { "chain_base" }, NULL, 0, false },
	{ "chain_top", { "chain_base", "chain_mid" }, NULL, 0, false },
	{ "failinit", { NULL }, NULL, -ENODEV, false },
	{ "nongpl", { "exporter" }, NULL, -EPERM, false },
	{ "dupcmd", { NULL }, NULL, -EEXIST, false },
	/* Each needs the other: alone, an unknown symbol. */
	{ "cycle_a", { NULL }, NULL, -ENOENT, false },
	{ "cycle_b", { NULL }, NULL, -ENOENT, false },
	/* Last: once loaded, these stay (no cleanup_module; exit faults on purpose). */
	{ "permanent", { NULL }, NULL, 0, true },
	{ "initfree", { NULL }, NULL, 0, true },
};

static const char *const kind_names[FAULT_KINDS] = { "kmalloc", "frame",
						     "module area" };

/* Load and remove hello once: the export hash is built on first use, and stays. */
static void warm_up(struct ktest *t)
{
	KT_EXPECT_EQ(t, ktest_load_quiet("hello", NULL), 0);
	KT_EXPECT_EQ(t, ktest_remove_quiet("hello"), 0);
}

static void snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

/* Finds an error record naming the module, logged at or after @since. */
struct log_search {
	const char *name;
	uint64_t since;
	bool found;
};

static void log_match(void *arg, int level, uint64_t ns, const char *text)
{
	struct log_search *s = arg;
	size_t n = strlen(s->name);

	if (ns >= s->since && level <= 3 && !strncmp(text, s->name, n) &&
	    text[n] == ':')
		s->found = true;
}

static bool logged_error(const char *name, uint64_t since)
{
	struct log_search s = { name, since, false };

	log_for_each(log_match, &s);
	return s.found;
}

/*
 * One load of @m with the @n-th allocation of @kind failing.  Returns
 * whether a failure was injected (false: the load makes fewer than @n).
 */
static bool attempt(struct ktest *t, const struct fault_module *m,
		    enum fault_kind kind, unsigned long n)
{
	struct fault_attr a = { .interval = n,
				.probability = 100,
				.times = 1,
				.loader_only = true };
	struct mm_stats before, after;
	char what[96];
	uint64_t since;
	int ret;

	snprintf(what, sizeof(what), "%s, %s allocation #%lu", m->name,
		 kind_names[kind], n);
	snapshot(&before);
	since = ktime_get_ns();
	fault_inject_set(kind, &a);
	ret = ktest_load_quiet(m->name, m->args);
	fault_inject_get(kind, &a);
	fault_inject_off();
	if (ret != m->expect && ret != -ENOMEM)
		ktest_fail(t, __FILE__, __LINE__, "%s: load returned %d", what,
			   ret);
	if (ret && !logged_error(m->name, since))
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: failed (%d) without a message", what, ret);
	if (ret == 0 && m->stays && a.failures)
		return true; /* loaded for good despite the failure: stop here */
	if (ret == 0 && !m->stays && ktest_remove_quiet(m->name))
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: loaded but not removable", what);
	if (!(ret == 0 && m->stays)) {
		snapshot(&after);
		ktest_same_mm(t, what, &before, &after);
	}
	return a.failures != 0;
}

static void deps_load(struct ktest *t, const struct fault_module *m)
{
	for (int i = 0; i < 2 && m->deps[i]; i++)
		KT_EXPECT_EQ(t, ktest_load_quiet(m->deps[i], NULL), 0);
}

static void deps_remove(struct ktest *t, const struct fault_module *m)
{
	for (int i = 1; i >= 0; i--)
		if (m->deps[i])
			KT_EXPECT_EQ(t, ktest_remove_quiet(m->deps[i]), 0);
}

/* Every N for one module and allocator; returns the allocations counted. */
static unsigned long module_under_faults(struct ktest *t,
					 const struct fault_module *m,
					 enum fault_kind kind)
{
	unsigned long n = 1;

	deps_load(t, m);
	while (n <= ATTEMPTS_MAX && attempt(t, m, kind, n) &&
	       !module_find(m->name))
		n++;
	if (n > ATTEMPTS_MAX)
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: more than %d %s allocations?", m->name,
			   ATTEMPTS_MAX, kind_names[kind]);
	deps_remove(t, m);
	return n - 1;
}

static void test_every_allocation_fails_once(struct ktest *t)
{
	unsigned long counts[FAULT_KINDS], total = 0;

	if (!ktest_have_module_files(t))
		return;
	warm_up(t);
	for (size_t i = 0; i < ARRAY_SIZE(fault_modules); i++) {
		const struct fault_module *m = &fault_modules[i];

		/* Booted with every suite, the module suite has loaded it for good. */
		if (m->stays && module_find(m->name)) {
			printk(KERN_INFO
			       "        # %s: loaded already, and it stays: skipped\n",
			       m->name);
			continue;
		}
		/* Those that stay get one allocator: they stay after it. */
		for (int k = 0; k < FAULT_KINDS; k++) {
			counts[k] = 0;
			if (!m->stays || k == FAULT_KMALLOC)
				counts[k] = module_under_faults(t, m, k);
			total += counts[k] + 1;
		}
		if (m->stays)
			printk(KERN_INFO
			       "        # %s: %lu kmalloc allocations, each failed once (then it stays loaded)\n",
			       m->name, counts[FAULT_KMALLOC]);
		else
			printk(KERN_INFO
			       "        # %s: %lu kmalloc, %lu frame, %lu module-area allocations, each failed once\n",
			       m->name, counts[FAULT_KMALLOC],
			       counts[FAULT_FRAME], counts[FAULT_MODAREA]);
		KT_EXPECT(t, counts[FAULT_KMALLOC] > 0);
	}
	printk(KERN_INFO "        # %lu loads under injected failure\n", total);
}

/* Random failures of every kind while loading, with a fixed seed. */
static void test_random_failures(struct ktest *t)
{
	struct fault_attr a = { .interval = 1,
				.probability = RANDOM_PERCENT,
				.times = -1,
				.loader_only = true };
	struct mm_stats before, after;
	unsigned long failures = 0, loaded = 0, tried = 0;

	if (!ktest_have_module_files(t))
		return;
	warm_up(t);
	snapshot(&before);
	for (int i = 0; i < RANDOM_LOADS; i++) {
		const struct fault_module *m =
			&fault_modules[i % ARRAY_SIZE(fault_modules)];
		struct fault_attr got;
		int ret;

		if (m->deps[0] || m->stays)
			continue;
		for (int k = 0; k < FAULT_KINDS; k++)
			fault_inject_set(k, &a);
		tried++;
		ret = ktest_load_quiet(m->name, m->args);
		for (int k = 0; k < FAULT_KINDS; k++) {
			fault_inject_get(k, &got);
			failures += got.failures;
		}
		fault_inject_off();
		KT_EXPECT(t, ret == m->expect || ret == -ENOMEM);
		if (ret == 0) {
			loaded++;
			KT_EXPECT_EQ(t, ktest_remove_quiet(m->name), 0);
		}
	}
	snapshot(&after);
	ktest_same_mm(t, "random failures", &before, &after);
	KT_EXPECT(t, failures > 0 && loaded > 0);
	printk(KERN_INFO
	       "        # %lu loads, %lu loaded, %lu failures injected\n",
	       tried, loaded, failures);
}

KTEST_SUITE(faults, KTEST_CASE(test_random_failures),
	    KTEST_CASE(test_every_allocation_fails_once));
