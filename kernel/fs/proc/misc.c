/*
 * /proc's small files, each in Linux's format so that tools written for
 * Linux read them: version, cmdline, uptime, meminfo and interrupts (the
 * last the same rows as the interrupts command prints).
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/irq.h>
#include <kernel/mm.h>
#include <kernel/time.h>
#include "internal.h"

/* As Linux's linux_banner, with Sprout's name, version and compiler. */
static int version_show(struct seq_file *m, void *v)
{
	seq_printf(m, "Sprout version %s (%s) #1 PREEMPT\n", SPROUT_VERSION,
		   SPROUT_BUILD);
	return 0;
}

static int cmdline_show(struct seq_file *m, void *v)
{
	seq_printf(m, "%s\n", saved_command_line);
	return 0;
}

/* Seconds since boot, then the idle task's time, each to 1/100 s. */
static int uptime_show(struct seq_file *m, void *v)
{
	uint64_t up = ktime_get_ns() / 10000000;
	uint64_t idle = task_sched_runtime(&init_task) / 10000000;

	seq_printf(m, "%lu.%02lu %lu.%02lu\n", (unsigned long)(up / 100),
		   (unsigned long)(up % 100), (unsigned long)(idle / 100),
		   (unsigned long)(idle % 100));
	return 0;
}

/* Linux's show_val_kb(): the name padded to 16 columns, kB in 8. */
static void meminfo_kb(struct seq_file *m, const char *name, size_t pages)
{
	seq_printf(m, "%-15s %8lu kB\n", name,
		   (unsigned long)pages << (PAGE_SHIFT - 10));
}

/*
 * What Sprout's allocators know.  Nothing is reclaimable (no page
 * cache), so MemAvailable is MemFree; the heap is Sprout's slab; module
 * code, ioremap and thread stacks are the vmalloc-like areas.
 */
static int meminfo_show(struct seq_file *m, void *v)
{
	struct mm_stats st;

	mm_get_stats(&st);
	meminfo_kb(m, "MemTotal:", st.frames_total);
	meminfo_kb(m, "MemFree:", st.frames_free);
	meminfo_kb(m, "MemAvailable:", st.frames_free);
	meminfo_kb(m, "Slab:", st.heap_pages);
	meminfo_kb(m, "SUnreclaim:", st.heap_pages);
	meminfo_kb(m, "KernelStack:", st.stack_pages);
	meminfo_kb(m, "VmallocUsed:",
		   st.modarea_pages + st.ioremap_pages + st.stack_pages);
	return 0;
}

static int interrupts_show(struct seq_file *m, void *v)
{
	char row[160];

	for (unsigned int i = 0; i < IRQ_SHOW_ROWS; i++)
		if (irq_show_row(i, row, sizeof(row)) > 0)
			seq_puts(m, row);
	return 0;
}

static int __init proc_misc_init(void)
{
	if (!proc_create_single("version", 0, NULL, version_show) ||
	    !proc_create_single("cmdline", 0, NULL, cmdline_show) ||
	    !proc_create_single("uptime", 0, NULL, uptime_show) ||
	    !proc_create_single("meminfo", 0, NULL, meminfo_show) ||
	    !proc_create_single("interrupts", 0, NULL, interrupts_show))
		return -ENOMEM;
	return 0;
}
fs_initcall_sync(proc_misc_init);
