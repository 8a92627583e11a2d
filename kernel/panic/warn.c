/*
 * WARN_ON() and friends: a kernel bug worth reporting but not worth
 * stopping for; and dump_stack(), the same report without a bug, with the
 * header line every report shares.  The report reads as Linux's, so a
 * student can match it with what a Linux kernel prints for the same
 * mistake.
 */
#include <kernel/export.h>
#include <kernel/interrupt.h>
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define WARN_MSG_MAX 160

void warn_slowpath(const char *file, int line, uintptr_t ip, const char *fmt,
		   ...)
{
	char sym[KSYM_SYMBOL_LEN], msg[WARN_MSG_MAX];
	va_list ap;

	printk(KERN_WARNING "------------[ cut here ]------------\n");
	if (fmt) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		printk(KERN_WARNING "%s", msg);
		if (!*msg || msg[strlen(msg) - 1] != '\n')
			printk(KERN_CONT "\n");
	}
	sprint_symbol(sym, sizeof(sym), ip);
	printk(KERN_WARNING "WARNING: at %s:%d %s\n", file, line, sym);
	dump_backtrace(0, (uintptr_t)__builtin_frame_address(0));
	printk(KERN_WARNING "---[ end trace ]---\n");
}
EXPORT_SYMBOL(warn_slowpath);

/* "PID: 2147483647 Comm: " and a task name of 15 characters, with room. */
#define TASK_DESC_LEN 48

static void (*task_describe)(char *buf, size_t size);

void dump_stack_task_register(void (*describe)(char *buf, size_t size))
{
	task_describe = describe;
}

void dump_stack_print_info(const char *log_lvl)
{
	char task[TASK_DESC_LEN] = "";

	if (task_describe)
		task_describe(task, sizeof(task));
	printk("%sCPU: 0 %s%s Sprout " SPROUT_VERSION "\n", log_lvl, task,
	       kernel_taint_string());
}

void dump_stack(void)
{
	dump_stack_print_info(KERN_WARNING);
	dump_backtrace(0, (uintptr_t)__builtin_frame_address(0));
}
EXPORT_SYMBOL(dump_stack);
