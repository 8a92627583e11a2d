/*
 * The loader's unwinding, label by label: every cleanup label of
 * do_load_module(), link_module() and of the steps with labels of their
 * own is entered by some failure, and each way out gives back everything
 * the load took.  The events the loader emits for its steps come in order.
 */
#include <kernel/errno.h>
#include <kernel/fault_inject.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <trace/events/module.h>
#include "modfiles.h"

#define ATTEMPTS_MAX 2000 /* no load makes this many allocations */
#define SITES_MAX 128

/*
 * A label cannot be watched from outside, and a mark at each one would put
 * test code back into the loader.  What can be watched is which step
 * failed.  The loader keeps one rule: a step that fails has taken nothing,
 * and jumps to the label that undoes the last step before it which took
 * something; so the step that failed fixes the label the unwinding enters,
 * as this table writes down.  An injected allocation failure records its
 * caller (struct fault_attr), and the loader's allocating steps are
 * functions of their own, so the caller's name is the step, and distinct
 * callers within one step are its distinct allocations.  Failing each
 * allocation of a load in turn must reach every allocating step at each of
 * its allocations; the labels no allocation leads to are entered by
 * modules that fail by themselves.  After every failure the frame, heap
 * and module-area counters, and the reference count of the module the
 * failed load used, must be as they were: that way out gave back all.
 */
struct unwind_label {
	const char *label;
	/* Entered when allocation @site (1, 2) of function @step fails ... */
	const char *step;
	unsigned int site;
	/* ... or when module @module, loaded with @args, fails with @expect. */
	const char *module, *args;
	int expect;
};

#define BY_ALLOCATION(label, step, site)         \
	{                                        \
		label, step, site, NULL, NULL, 0 \
	}
#define BY_MODULE(label, module, args, err)       \
	{                                         \
		label, NULL, 0, module, args, err \
	}

static const struct unwind_label unwind_labels[] = {
	BY_ALLOCATION("do_load_module: out_free_copy", "do_load_module", 2),
	BY_ALLOCATION("do_load_module: out_refused", "alloc_regions", 1),
	BY_ALLOCATION("alloc_regions: out_free_core", "alloc_regions", 2),
	BY_MODULE("link_module: out_free_regions (unknown symbol)", "cycle_a",
		  NULL, -ENOENT),
	BY_ALLOCATION("link_module: out_release_uses", "keep_tables", 1),
	BY_ALLOCATION("link_module: out_free_modinfo", "module_kallsyms_copy",
		      1),
	BY_ALLOCATION("module_kallsyms_copy: out_free_ksyms",
		      "module_kallsyms_copy", 2),
	BY_ALLOCATION("link_module: out_free_kallsyms", "module_sections_copy",
		      1),
	BY_ALLOCATION("link_module: out_free_sections", "copy_args", 1),
	BY_MODULE("link_module: out_free_args (unknown parameter)", "params",
		  "nosuch=1", -ENOENT),
	BY_MODULE("link_module: out_free_args (shell command exists)", "dupcmd",
		  NULL, -EEXIST),
};

/* Where the injected failures happened: distinct caller addresses. */
static const void *sites[SITES_MAX];
static size_t site_count;

static void site_add(const void *caller)
{
	for (size_t i = 0; i < site_count; i++)
		if (sites[i] == caller)
			return;
	if (site_count < SITES_MAX)
		sites[site_count++] = caller;
}

/* How many of the failure sites are in function @name. */
static unsigned int sites_in(const char *name)
{
	unsigned int n = 0;
	size_t size, offset;

	for (size_t i = 0; i < site_count; i++) {
		const char *f =
			kallsyms_lookup((uintptr_t)sites[i], &size, &offset);

		n += f && !strcmp(f, name);
	}
	return n;
}

static void snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

/* The users of @name, a loaded module; -1 if it is not loaded. */
static int users_of(const char *name)
{
	struct module *mod = module_find(name);

	return mod ? mod->refcount : -1;
}

/*
 * One load of @name (@args) with the @n-th allocation of @kind failing;
 * checks it gives everything back.  Returns whether a failure was injected.
 */
static bool attempt(struct ktest *t, const char *name, const char *args,
		    enum fault_kind kind, unsigned long n)
{
	struct fault_attr a = { .interval = n,
				.probability = 100,
				.times = 1,
				.loader_only = true };
	struct mm_stats before, after;
	int users = users_of("exporter"), ret;
	char what[64];

	snprintf(what, sizeof(what), "%s, %s allocation #%lu", name,
		 kind == FAULT_KMALLOC ? "kmalloc" : "module-area", n);
	snapshot(&before);
	fault_inject_set(kind, &a);
	ret = ktest_load_quiet(name, args);
	fault_inject_get(kind, &a);
	fault_inject_off();
	if (ret == 0 && ktest_remove_quiet(name))
		ktest_fail(t, __FILE__, __LINE__, "%s: not removable", what);
	if (a.failures && ret)
		site_add(a.caller);
	snapshot(&after);
	ktest_same_mm(t, what, &before, &after);
	if (users_of("exporter") != users)
		ktest_fail(t, __FILE__, __LINE__,
			   "%s: exporter's users %d, were %d", what,
			   users_of("exporter"), users);
	return a.failures != 0;
}

/* Fail each allocation of @kind that a load of @name makes, in turn. */
static void sweep(struct ktest *t, const char *name, const char *args,
		  enum fault_kind kind)
{
	unsigned long n = 1;

	while (n <= ATTEMPTS_MAX && attempt(t, name, args, kind, n))
		n++;
}

/* A module that fails by itself: its error, and nothing left behind. */
static void fails_alone(struct ktest *t, const struct unwind_label *l)
{
	struct mm_stats before, after;
	int ret;

	snapshot(&before);
	ret = ktest_load_quiet(l->module, l->args);
	snapshot(&after);
	if (ret != l->expect)
		ktest_fail(t, __FILE__, __LINE__, "%s: %s returned %d, not %d",
			   l->label, l->module, ret, l->expect);
	ktest_same_mm(t, l->label, &before, &after);
}

static void every_unwind_label_is_entered(struct ktest *t)
{
	static const struct {
		const char *name, *args;
	} swept[] = { { "importer", NULL }, { "params", "name=x list=1,2" } };

	if (!ktest_have_module_files(t))
		return;
	/* The export hash is built on first use, and stays: not a leak. */
	KT_EXPECT_EQ(t, ktest_load_quiet("hello", NULL), 0);
	KT_EXPECT_EQ(t, ktest_remove_quiet("hello"), 0);
	KT_EXPECT_EQ(t, ktest_load_quiet("exporter", NULL), 0);
	site_count = 0;
	for (size_t m = 0; m < ARRAY_SIZE(swept); m++) {
		sweep(t, swept[m].name, swept[m].args, FAULT_KMALLOC);
		sweep(t, swept[m].name, swept[m].args, FAULT_MODAREA);
	}
	KT_EXPECT_EQ(t, ktest_remove_quiet("exporter"), 0);
	for (size_t i = 0; i < ARRAY_SIZE(unwind_labels); i++) {
		const struct unwind_label *l = &unwind_labels[i];

		if (!l->step) {
			fails_alone(t, l);
			continue;
		}
		if (sites_in(l->step) < l->site)
			ktest_fail(t, __FILE__, __LINE__,
				   "%s: allocation %u of %s never failed (%u did)",
				   l->label, l->site, l->step,
				   sites_in(l->step));
	}
	printk(KERN_INFO
	       "        # %zu labels entered, from %zu distinct failing allocations\n",
	       ARRAY_SIZE(unwind_labels), site_count);
}

/* The steps of the last load, as the module_step_done event gave them. */
static enum module_load_step steps_seen[LOAD_STEPS + 1];
static size_t steps_count;

static void note_step(const struct module *mod, enum module_load_step step)
{
	if (steps_count < ARRAY_SIZE(steps_seen))
		steps_seen[steps_count++] = step;
}

/* A load emits each step once, in order; a refused one stops short. */
static void load_steps_come_in_order(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, register_trace_module_step_done(note_step), 0);
	steps_count = 0;
	KT_EXPECT_EQ(t, ktest_load_quiet("hello", NULL), 0);
	KT_EXPECT_EQ(t, steps_count, LOAD_STEPS);
	for (size_t i = 0; i < steps_count; i++)
		KT_EXPECT_EQ(t, steps_seen[i], i);
	KT_EXPECT_EQ(t, ktest_remove_quiet("hello"), 0);
	steps_count = 0;
	KT_EXPECT_EQ(t, ktest_load_quiet("cycle_a", NULL), -ENOENT);
	KT_EXPECT_EQ(t, steps_count, LOAD_LAYOUT + 1);
	KT_EXPECT_EQ(t, unregister_trace_module_step_done(note_step), 0);
}

KTEST_SUITE(unwind, KTEST_CASE(every_unwind_label_is_entered),
	    KTEST_CASE(load_steps_come_in_order));
