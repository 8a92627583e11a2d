/*
 * The in-kernel test runner: runs the suites in .ktest_suites and reports in
 * KTAP (the format of Linux's KUnit), which tests/run.sh counts.  Only in
 * the test build; "ktest" on the command line runs it once boot is over.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/initcall.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

#define KTEST_FILTER_MAX 256

extern const struct ktest_suite __ktest_suites_start[], __ktest_suites_end[];

static bool ktest_enabled;
static char ktest_filter[KTEST_FILTER_MAX]; /* empty: all suites */
static bool ktest_named; /* the filter has a name without '-' */

/*
 * "ktest=a,b" selects suites a and b; a name after '-' is left out, so
 * "ktest=-soak" selects every suite but soak.  No plain name: every suite.
 */
static int __init ktest_setup(const char *val)
{
	ktest_enabled = true;
	if (!val || !*val)
		return 0;
	strlcpy(ktest_filter, val, sizeof(ktest_filter));
	for (const char *p = ktest_filter; p; p = strchr(p, ',')) {
		p += *p == ',';
		ktest_named |= *p != '-';
	}
	return 0;
}
__setup("ktest", ktest_setup);

static bool suite_selected(const char *name)
{
	char excluded[KTEST_FILTER_MAX];

	snprintf(excluded, sizeof(excluded), "-%s", name);
	if (strlist_contains(ktest_filter, excluded))
		return false;
	return !ktest_named || strlist_contains(ktest_filter, name);
}

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt,
		...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(KERN_ERR "        # %s: %s:%d: %s\n", t->name, file, line, msg);
	t->failures++;
}

bool ktest_same_mm(struct ktest *t, const char *what, const struct mm_stats *a,
		   const struct mm_stats *b)
{
	if (a->frames_free == b->frames_free &&
	    a->heap_bytes == b->heap_bytes &&
	    a->heap_allocations == b->heap_allocations &&
	    a->modarea_pages == b->modarea_pages &&
	    a->stack_pages == b->stack_pages)
		return true;
	if (t)
		ktest_fail(t, __FILE__, __LINE__,
			   "%s%sframes free %zu -> %zu, heap %zu -> %zu bytes in %zu -> %zu, module area %zu -> %zu pages, stack area %zu -> %zu pages",
			   what ? what : "", what ? ": " : "", a->frames_free,
			   b->frames_free, a->heap_bytes, b->heap_bytes,
			   a->heap_allocations, b->heap_allocations,
			   a->modarea_pages, b->modarea_pages, a->stack_pages,
			   b->stack_pages);
	return false;
}

/* excerpt: ktest-run-suite */
/* lab: 11 run-suite */
static int run_suite(const struct ktest_suite *s, int number)
{
	int failed = 0;

	printk(KERN_INFO "    KTAP version 1\n");
	printk(KERN_INFO "    # Subtest: %s\n", s->name);
	printk(KERN_INFO "    1..%zu\n", s->count);
	for (size_t i = 0; i < s->count; i++) {
		struct ktest t = { .name = s->cases[i].name };

		s->cases[i].fn(&t);
		printk(KERN_INFO "    %s %zu %s\n",
		       t.failures ? "not ok" : "ok", i + 1, t.name);
		failed += t.failures ? 1 : 0;
	}
	printk(KERN_INFO "%s %d %s\n", failed ? "not ok" : "ok", number,
	       s->name);
	return failed;
}
/* lab-end: 11 run-suite */
/* excerpt-end: ktest-run-suite */

/* Run the selected suites, print KTAP; the number of failed cases. */
static int ktest_run(void)
{
	const struct ktest_suite *s;
	int n = 0, failed = 0;

	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		n += suite_selected(s->name);
	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%d\n", n);
	n = 0;
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (suite_selected(s->name))
			failed += run_suite(s, ++n);
	printk(KERN_INFO "# ktest: %d suites, %d failed cases\n", n, failed);
	return failed;
}

struct log_count {
	const char *text;
	int n;
};

static void log_count_one(void *arg, int level, uint64_t ns, const char *text)
{
	struct log_count *c = arg;

	c->n += strstr(text, c->text) != NULL;
}

int ktest_log_count(const char *text)
{
	struct log_count c = { text, 0 };

	log_for_each(log_count_one, &c);
	return c.n;
}

int ktest_sleep_until_stopped(void)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static struct completion ktest_done = COMPLETION_INITIALIZER(ktest_done);
static int ktest_failed;

static int ktest_thread(void *data)
{
	ktest_failed = ktest_run();
	complete(&ktest_done);
	return 0;
}

/*
 * Boot with "ktest": run the suites once boot is over, then end QEMU.
 * They run in a thread of their own ("ktest", as KUnit runs Linux's in
 * kthreads): the boot thread is the idle task, which gives the CPU to
 * any other runnable task, so a suite's CPU-bound threads would keep a
 * runner there waiting until they ended.
 */
static void ktest_boot_done(void)
{
	struct task_struct *k =
		kthread_create_task(ktest_thread, NULL, "ktest");

	if (k) {
		wake_up_process(k);
		wait_for_completion(&ktest_done);
	} else {
		ktest_failed = ktest_run(); /* no memory for a thread */
	}
	qemu_exit(ktest_failed ? QEMU_EXIT_FAILURE : QEMU_EXIT_SUCCESS);
}

static struct boot_done_hook ktest_hook = { .fn = ktest_boot_done };

static int __init ktest_init(void)
{
	if (ktest_enabled)
		boot_done_register(&ktest_hook);
	return 0;
}
late_initcall(ktest_init);
