/*
 * make bench figures for the boot itself: the time from the kernel's first
 * instruction to each boot step's end (kernel_main's boot_step_done
 * events), the slowest initcalls by name, the boot-time module loads (an
 * initcall of their own), the init memory freed, and what a line of the
 * boot log costs.
 */
#include <kernel/bench.h>
#include <kernel/initcall.h>
#include <kernel/kallsyms.h>
#include <kernel/mm.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>
#include <trace/events/boot.h>
#include "internal.h"

#define SLOWEST_SHOWN 5
#define BOOT_STEPS_MAX 16 /* kernel_main has 8; more are dropped */

/* When each boot step ended (TSC), in order. */
static struct boot_step {
	const char *name;
	uint64_t tsc;
} boot_steps[BOOT_STEPS_MAX];
static size_t boot_step_count;

static void bench_boot_step_done(const char *step)
{
	if (boot_step_count < BOOT_STEPS_MAX)
		boot_steps[boot_step_count++] =
			(struct boot_step){ step, rdtsc() };
}

int bench_boot_subscribe(void)
{
	return register_trace_boot_step_done(bench_boot_step_done);
}

static void bench_boot_steps(void)
{
	uint64_t prev = boot_tsc;
	char key[48];

	for (size_t i = 0; i < boot_step_count; i++) {
		snprintf(key, sizeof(key), "kernel_%s_us", boot_steps[i].name);
		bench_value(key,
			    tsc_to_ns(boot_steps[i].tsc - prev) / NSEC_PER_USEC,
			    "boot step, from the end of the one before");
		prev = boot_steps[i].tsc;
	}
	if (boot_step_count)
		bench_value("kernel_us",
			    tsc_to_ns(prev - boot_tsc) / NSEC_PER_USEC,
			    "kernel entry to the ready line and the prompt");
}

/* Index of the slowest record not yet in @taken, or -1. */
static int slowest_initcall(const bool *taken)
{
	int best = -1;

	for (size_t i = 0; i < initcall_record_count; i++)
		if (!taken[i] &&
		    (best < 0 ||
		     initcall_records[i].ns > initcall_records[best].ns))
			best = (int)i;
	return best;
}

static void bench_initcalls(void)
{
	static bool taken[INITCALL_RECORDS_MAX];
	char sym[KSYM_SYMBOL_LEN], line[KSYM_SYMBOL_LEN + 32];

	for (int n = 0; n < SLOWEST_SHOWN; n++) {
		int i = slowest_initcall(taken);

		if (i < 0)
			break;
		taken[i] = true;
		sprint_symbol(sym, sizeof(sym), initcall_records[i].fn);
		snprintf(line, sizeof(line), "%s @ %s", sym,
			 initcall_records[i].level);
		bench_value("initcall_us",
			    initcall_records[i].ns / NSEC_PER_USEC, line);
	}
}

static void bench_init_freed(void)
{
	struct mm_stats st;

	mm_get_stats(&st);
	bench_value("init_freed_kib", st.init_freed >> 10,
		    "kernel __init memory freed at the end of boot");
}

/*
 * Lines as long as the boot's, time stamp and CR LF included (66 bytes),
 * through every console: under emulation each byte written to the UART
 * goes to the host at once, and each cell of the screen is a device write.
 */
static void bench_console_line(void)
{
	enum { LINES = 10 };
	uint64_t t0 = rdtsc();

	for (int i = 0; i < LINES; i++)
		pr_info("bench: a log line as long as the boot's, %2d of %d\n",
			i + 1, LINES);
	bench_report("console_line_ns", "a 66-byte log line on every console",
		     LINES, rdtsc() - t0);
}

static void bench_boot(void)
{
	bench_boot_steps();
	bench_initcalls();
	bench_init_freed();
	bench_console_line();
}
BENCH("boot", bench_boot);
