/*
 * make bench figures for loading modules: hello.ko loaded and unloaded
 * step by step (its own file, as a user's insmod would), and a module with
 * 10,000 relocations (bigreloc.ko, from GRUB), per module and per
 * relocation.  The steps are timed between the loader's module_step_done
 * events, to which this file subscribes while it loads.
 */
#include <kernel/bench.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include <trace/events/module.h>

#define BENCH_LOADS 50
#define BENCH_RELOCS 10000 /* in bigreloc.ko, at least */

static const char *const load_step_keys[LOAD_STEPS] = {
	[LOAD_READ] = "hello_load_read_ns",
	[LOAD_CHECK] = "hello_load_check_ns",
	[LOAD_LAYOUT] = "hello_load_layout_ns",
	[LOAD_LINK] = "hello_load_link_ns",
	[LOAD_RELOCATE] = "hello_load_relocate_ns",
	[LOAD_FINISH] = "hello_load_finish_ns",
	[LOAD_INIT] = "hello_load_init_ns",
};

/* The last load, step by step, in TSC ticks; and when its last step ended. */
static uint64_t step_cycles[LOAD_STEPS];
static uint64_t step_start;

static void bench_step_done(const struct module *mod,
			    enum module_load_step step)
{
	uint64_t now = rdtsc();

	step_cycles[step] = now - step_start;
	step_start = now;
}

/*
 * Load and unload @name @rounds times; the sum of each load step goes to
 * @steps, the whole load (from looking up the file) and unload to *load
 * and *unload, in TSC ticks.  Returns 0 or the first error.
 */
static int bench_load_rounds(const char *name, int rounds, uint64_t *steps,
			     uint64_t *load, uint64_t *unload)
{
	const void *buf;
	size_t len;
	uint64_t t0, t1;
	int err;

	for (int i = 0; i < rounds; i++) {
		t0 = rdtsc();
		err = modprobe_file(name, &buf, &len);
		if (err)
			return err;
		step_start = rdtsc();
		err = load_module(name, buf, len, NULL);
		kfree((void *)buf);
		t1 = rdtsc();
		if (err)
			return err;
		*load += t1 - t0;
		for (int s = 0; s < LOAD_STEPS; s++)
			steps[s] += step_cycles[s];
		t0 = rdtsc();
		err = remove_module(name);
		*unload += rdtsc() - t0;
		if (err)
			return err;
	}
	return 0;
}

/* bench_load_rounds(), subscribed to the loader's steps meanwhile. */
static int bench_load_cycle(const char *name, int rounds, uint64_t *steps,
			    uint64_t *load, uint64_t *unload)
{
	int err;

	*load = *unload = 0;
	for (int s = 0; s < LOAD_STEPS; s++)
		steps[s] = 0;
	err = register_trace_module_step_done(bench_step_done);
	if (err)
		return err;
	err = bench_load_rounds(name, rounds, steps, load, unload);
	unregister_trace_module_step_done(bench_step_done);
	return err;
}

static void bench_hello(void)
{
	uint64_t steps[LOAD_STEPS], load, unload;
	bool was_loaded = module_find("hello") != NULL;
	const void *buf;
	size_t len;
	int err;

	if (was_loaded && remove_module("hello")) {
		pr_info("bench: hello: loaded and cannot be removed\n");
		return;
	}
	err = bench_load_cycle("hello", BENCH_LOADS, steps, &load, &unload);
	if (err) {
		pr_info("bench: hello: load or unload failed (%d)\n", err);
		return;
	}
	bench_value("hello_load_ns", tsc_to_ns(load / BENCH_LOADS),
		    "insmod hello: find the file, load, run init");
	for (int s = 0; s < LOAD_STEPS; s++)
		bench_value(load_step_keys[s],
			    tsc_to_ns(steps[s] / BENCH_LOADS),
			    "one step of it");
	bench_value("hello_unload_ns", tsc_to_ns(unload / BENCH_LOADS),
		    "rmmod hello: cleanup_module, free everything");
	if (was_loaded && !modprobe_file("hello", &buf, &len)) {
		load_module("hello", buf, len, NULL);
		kfree((void *)buf);
	}
}
BENCH("module load: hello", bench_hello);

static void bench_bigreloc(void)
{
	uint64_t steps[LOAD_STEPS], load, unload;
	int err;

	err = bench_load_cycle("bigreloc", BENCH_LOADS, steps, &load, &unload);
	if (err) {
		pr_info("bench: bigreloc: no bigreloc.ko from GRUB, or it failed to load (%d)\n",
			err);
		return;
	}
	bench_report("bigreloc_load_ns",
		     "load of a module with 10,000 relocations, per module",
		     BENCH_LOADS, load);
	bench_report("reloc_ns",
		     "one relocation applied (relocation step only)",
		     (uint64_t)BENCH_LOADS * BENCH_RELOCS,
		     steps[LOAD_RELOCATE]);
}
BENCH("module load: 10,000 relocations", bench_bigreloc);
