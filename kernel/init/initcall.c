/*
 * Running the built-in initcalls, level by level, as Linux does: a failure
 * is logged with the function's name and errno and boot goes on;
 * initcall_debug times each call; initcall_blacklist= skips some.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/kallsyms.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include <kernel/time.h>
#include <kernel/x86.h>

#define BLACKLIST_MAX 256

extern initcall_t __initcall_start[], __initcall0_start[], __initcall0s_start[],
	__initcall1_start[], __initcall1s_start[], __initcall2_start[],
	__initcall2s_start[], __initcall3_start[], __initcall3s_start[],
	__initcall4_start[], __initcall4s_start[], __initcall5_start[],
	__initcall5s_start[], __initcallrootfs_start[], __initcall6_start[],
	__initcall6s_start[], __initcall7_start[], __initcall7s_start[],
	__initcall_end[];

/* excerpt: initcall-levels */
/* Level boundaries in link order: level i spans [levels[i], levels[i+1]). */
/* clang-format off */
static initcall_t *const initcall_levels[] __initconst = {
	__initcall0_start, __initcall0s_start, __initcall1_start,
	__initcall1s_start, __initcall2_start, __initcall2s_start,
	__initcall3_start, __initcall3s_start, __initcall4_start,
	__initcall4s_start, __initcall5_start, __initcall5s_start,
	__initcallrootfs_start, __initcall6_start, __initcall6s_start,
	__initcall7_start, __initcall7s_start, __initcall_end,
};
/* clang-format on */
/* excerpt-end: initcall-levels */

/* Names stay readable after boot: the records point at them. */
/* clang-format off */
static const char *const initcall_level_names[] = {
	"pure", "pure_sync", "core", "core_sync", "postcore", "postcore_sync",
	"arch", "arch_sync", "subsys", "subsys_sync", "fs", "fs_sync",
	"rootfs", "device", "device_sync", "late", "late_sync",
};
/* clang-format on */

struct initcall_record initcall_records[INITCALL_RECORDS_MAX];
size_t initcall_record_count;

bool initcall_debug; /* the loader reads it too, after boot */
enum system_states system_state = SYSTEM_BOOTING;
static char initcall_blacklist[BLACKLIST_MAX] __initdata;

static int __init initcall_debug_setup(const char *val)
{
	initcall_debug = true;
	return 0;
}
__setup("initcall_debug", initcall_debug_setup);

static int __init initcall_blacklist_setup(const char *val)
{
	if (!val || !*val)
		return -EINVAL;
	/* Cut short, its last name could name another initcall. */
	if (strlen(val) >= sizeof(initcall_blacklist)) {
		pr_warn("initcall_blacklist= is %zu bytes, at most %zu: ignored\n",
			strlen(val), sizeof(initcall_blacklist) - 1);
		return -EINVAL;
	}
	strlcpy(initcall_blacklist, val, sizeof(initcall_blacklist));
	return 0;
}
__setup("initcall_blacklist", initcall_blacklist_setup);

/* lab: 07 initcall-walk */
static void __init do_one_initcall(initcall_t fn, const char *level)
{
	struct initcall_record *rec = NULL;
	size_t size, off;
	const char *name = kallsyms_lookup((uintptr_t)fn, &size, &off);
	char sym[KSYM_SYMBOL_LEN];
	uint64_t t0, ns;
	int ret;

	if (!name)
		name = "?";
	sprint_symbol(sym, sizeof(sym), (uintptr_t)fn);
	if (initcall_record_count < INITCALL_RECORDS_MAX) {
		rec = &initcall_records[initcall_record_count++];
		*rec = (struct initcall_record){ .fn = (uintptr_t)fn,
						 .level = level };
	}
	if (strlist_contains(initcall_blacklist, name)) {
		pr_info("initcall %s blacklisted\n", sym);
		if (rec)
			rec->skipped = true;
		return;
	}
	if (initcall_debug)
		pr_info("calling  %s @ %s\n", sym, level);
	t0 = ktime_get_ns();
	ret = fn();
	ns = ktime_get_ns() - t0;
	/* Interrupts come on after the last initcall, not in the middle. */
	if (read_rflags() & RFLAGS_IF) {
		cli();
		pr_warn("initcall %s returned with interrupts enabled\n", sym);
	}
	if (rec) {
		rec->result = ret;
		rec->ns = ns;
	}
	if (initcall_debug)
		pr_info("initcall %s returned %d after %llu usecs\n", sym, ret,
			(unsigned long long)(ns / NSEC_PER_USEC));
	else if (ret)
		pr_warn("initcall %s returned %d\n", sym, ret);
}

/* excerpt: do-initcalls */
void __init do_initcalls(void)
{
	for (size_t lvl = 0; lvl + 1 < ARRAY_SIZE(initcall_levels); lvl++)
		for (initcall_t *fn = initcall_levels[lvl];
		     fn < initcall_levels[lvl + 1]; fn++)
			do_one_initcall(*fn, initcall_level_names[lvl]);
}
/* excerpt-end: do-initcalls */
/* lab-end: 07 initcall-walk */

static LIST_HEAD(boot_done_hooks);

void boot_done_register(struct boot_done_hook *hook)
{
	list_add_tail(&hook->list, &boot_done_hooks);
}

void boot_done_run(void)
{
	struct boot_done_hook *h;

	list_for_each_entry(h, &boot_done_hooks, list)
		h->fn();
}

static int cmd_initcalls(char *args)
{
	char sym[KSYM_SYMBOL_LEN];

	if (*args)
		return -EINVAL;
	console_printf("%-14s %7s %8s  %s\n", "level", "result", "usecs",
		       "function");
	for (size_t i = 0; i < initcall_record_count; i++) {
		const struct initcall_record *r = &initcall_records[i];
		const char *err = r->result ? errno_name(r->result) : NULL;

		sprint_symbol(sym, sizeof(sym), r->fn);
		if (r->skipped) {
			console_printf("%-14s %7s %8s  %s\n", r->level,
				       "skipped", "-", sym);
			continue;
		}
		console_printf("%-14s %7d %8llu  %s%s%s%s\n", r->level,
			       r->result,
			       (unsigned long long)(r->ns / NSEC_PER_USEC), sym,
			       err ? " (-" : "", err ? err : "",
			       err ? ")" : "");
	}
	if (initcall_record_count == INITCALL_RECORDS_MAX)
		console_printf("(only the first %d initcalls are recorded)\n",
			       INITCALL_RECORDS_MAX);
	return 0;
}
SHELL_COMMAND("initcalls", "", "each built-in initcall: level, result, time",
	      cmd_initcalls);
