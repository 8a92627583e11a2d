/*
 * The benchmark runner, built only into the kernel make bench boots: with
 * "bench" on the command line it subscribes to the boot's events at once,
 * then walks the .bench table when boot is over and powers QEMU off.  It
 * times nothing itself; each benchmark reports through bench_report()
 * (report.c).
 */
#include <kernel/bench.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include "internal.h"

extern const struct bench __bench_start[], __bench_end[];

static bool bench_enabled;

/* Early: the first boot step ends before any __setup() handler runs. */
static int __init bench_setup(const char *val)
{
	bench_enabled = true;
	return bench_boot_subscribe();
}
early_param("bench", bench_setup);

/* Every registered benchmark in table order, then QEMU off. */
static void bench_run(void)
{
	pr_info("bench: %zu benchmark(s), TSC at %llu kHz\n",
		(size_t)(__bench_end - __bench_start),
		(unsigned long long)tsc_khz());
	bench_value("tsc_khz", tsc_khz(), "TSC rate every time here is from");
	for (const struct bench *b = __bench_start; b < __bench_end; b++) {
		pr_info("bench: running %s\n", b->name);
		b->fn();
	}
	pr_info("bench: done\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
}

static struct boot_done_hook bench_hook = { .fn = bench_run };

static int __init bench_init(void)
{
	if (bench_enabled)
		boot_done_register(&bench_hook);
	return 0;
}
late_initcall(bench_init);
