/*
 * A soak of the module loader: 10,000 insmod/rmmod cycles in one boot over
 * the sample modules, an exporter and the module that uses it among them,
 * with the frame, heap and module-area counters compared with the starting
 * ones every 1,000 cycles.  Prints the rate and the final counters.
 */
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>

#define SOAK_CYCLES 10000
#define SOAK_CHECK_EVERY 1000
#define NS_PER_MS 1000000ull

/* One step of a round: load (with @args) or remove @name. */
struct soak_step {
	bool load;
	const char *name;
	const char *args;
};

/* A round: 8 insmod/rmmod cycles, importer while exporter is loaded. */
static const struct soak_step soak_round[] = {
	{ true, "hello", NULL },
	{ false, "hello", NULL },
	{ true, "exporter", NULL },
	{ true, "importer", NULL },
	{ false, "importer", NULL },
	{ false, "exporter", NULL },
	{ true, "params", "name=soak list=1,2,3 flag" },
	{ false, "params", NULL },
	{ true, "twoobj", NULL },
	{ false, "twoobj", NULL },
	{ true, "initdata", NULL },
	{ false, "initdata", NULL },
	{ true, "chain_base", NULL },
	{ true, "chain_mid", NULL },
	{ false, "chain_mid", NULL },
	{ false, "chain_base", NULL },
};
#define SOAK_ROUND_CYCLES (ARRAY_SIZE(soak_round) / 2)

static void snapshot(struct mm_stats *st)
{
	kmalloc_trim();
	mm_get_stats(st);
}

static void print_counters(const char *when, const struct mm_stats *st)
{
	printk(KERN_INFO
	       "        # soak: %s: frames free %zu, heap %zu bytes in %zu allocations, module area %zu pages\n",
	       when, st->frames_free, st->heap_bytes, st->heap_allocations,
	       st->modarea_pages);
}

/* One round; returns the number of steps that did not return 0. */
static int soak_one_round(void)
{
	int failures = 0;

	for (size_t i = 0; i < ARRAY_SIZE(soak_round); i++) {
		const struct soak_step *s = &soak_round[i];
		const void *buf;
		size_t len;
		int ret;

		if (!s->load)
			ret = remove_module(s->name);
		else if ((ret = modprobe_file(s->name, &buf, &len)) == 0) {
			ret = load_module(s->name, buf, len, s->args);
			kfree((void *)buf);
		}
		failures += ret != 0;
	}
	return failures;
}

static void test_soak(struct ktest *t)
{
	struct mm_stats start, now;
	int saved = console_loglevel, failures = 0;
	unsigned long cycles = 0, checks = 0;
	const void *buf;
	size_t len;
	uint64_t t0, ms;

	if (modprobe_file("hello", &buf, &len)) {
		printk(KERN_INFO
		       "        # %s: no module files (initrd or GRUB): skipped\n",
		       t->name);
		return;
	}
	kfree((void *)buf);
	/* Warm up: the export hash is built on first use, and stays. */
	console_loglevel = 3; /* the modules greet on every load */
	soak_one_round();
	snapshot(&start);
	t0 = ktime_get_ns();
	while (cycles < SOAK_CYCLES) {
		failures += soak_one_round();
		cycles += SOAK_ROUND_CYCLES;
		if (cycles % SOAK_CHECK_EVERY >= SOAK_ROUND_CYCLES)
			continue;
		snapshot(&now);
		checks++;
		if (!ktest_same_mm(NULL, NULL, &start, &now)) {
			console_loglevel = saved;
			ktest_fail(t, __FILE__, __LINE__,
				   "counters changed after %lu cycles", cycles);
			print_counters("now", &now);
			break;
		}
	}
	ms = (ktime_get_ns() - t0) / NS_PER_MS;
	snapshot(&now);
	console_loglevel = saved;
	KT_EXPECT_EQ(t, failures, 0);
	KT_EXPECT(t, ktest_same_mm(NULL, NULL, &start, &now));
	printk(KERN_INFO
	       "        # soak: %lu insmod/rmmod cycles in %llu ms: %llu cycles/s; counters checked %lu times\n",
	       cycles, (unsigned long long)ms,
	       (unsigned long long)(ms ? cycles * 1000ull / ms : 0), checks);
	print_counters("start", &start);
	print_counters("end", &now);
}

KTEST_SUITE(soak, KTEST_CASE(test_soak));
