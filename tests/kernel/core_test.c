/*
 * In-kernel tests of the core: the log ring buffer keeps the newest records
 * in order when it wraps, kallsyms names kernel functions, the command
 * line splitter handles quotes, and a trace point reaches its one probe.
 */
#include <kernel/args.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/kallsyms.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/tracepoint.h>

struct log_scan {
	unsigned long last_seq;
	unsigned long seen;
	bool ordered;
};

static void scan_record(void *arg, int level, uint64_t ns, const char *text)
{
	struct log_scan *s = arg;
	unsigned long long seq;

	if (strncmp(text, "log-wrap-test ", 14) ||
	    kstrtoull(text + 14, 10, &seq))
		return;
	if (s->seen && seq != s->last_seq + 1)
		s->ordered = false;
	s->last_seq = (unsigned long)seq;
	s->seen++;
}

/* Write far more than the buffer holds, quietly; the newest must remain. */
static void log_wraps_in_order(struct ktest *t)
{
	struct log_scan s = { .ordered = true };
	int saved = console_loglevel;
	const unsigned long n = 5000;

	console_loglevel = 0;
	for (unsigned long i = 0; i < n; i++)
		printk(KERN_DEBUG "log-wrap-test %lu\n", i);
	console_loglevel = saved;
	log_for_each(scan_record, &s);
	KT_EXPECT(t, s.ordered);
	KT_EXPECT(t, s.seen > 100);
	KT_EXPECT(t, s.seen < n); /* the oldest were dropped */
	KT_EXPECT_EQ(t, s.last_seq, n - 1);
}

static void log_joins_continuations(struct ktest *t)
{
	struct log_scan s = { .ordered = true };

	printk(KERN_INFO "log-wrap-test ");
	pr_cont("%d", 77);
	pr_cont("\n");
	log_for_each(scan_record, &s);
	KT_EXPECT_EQ(t, s.last_seq, 77);
}

/* excerpt: ktest-kallsyms-case */
static void kallsyms_names_functions(struct ktest *t)
{
	char buf[KSYM_SYMBOL_LEN];
	uintptr_t addr = (uintptr_t)log_joins_continuations;
	size_t size, off;
	const char *name = kallsyms_lookup(addr + 3, &size, &off);

	KT_EXPECT(t, name && !strcmp(name, "log_joins_continuations"));
	KT_EXPECT_EQ(t, off, 3);
	KT_EXPECT(t, size > 3);
	KT_EXPECT_EQ(t, kallsyms_lookup_name("printk"), (uintptr_t)printk);
	sprint_symbol(buf, sizeof(buf), (uintptr_t)printk);
	KT_EXPECT(t, !strncmp(buf, "printk+0x0/0x", 13));
	KT_EXPECT(t, kallsyms_lookup(0x1000, &size, &off) == NULL);
}
/* excerpt-end: ktest-kallsyms-case */

static void cmdline_splits_words(struct ktest *t)
{
	char line[] = "  a=1 b=\"x y\"   flag c= ";
	char *s = line, *key, *val;

	KT_EXPECT(t, args_next(&s, &key, &val));
	KT_EXPECT(t, !strcmp(key, "a") && val && !strcmp(val, "1"));
	KT_EXPECT(t, args_next(&s, &key, &val));
	KT_EXPECT(t, !strcmp(key, "b") && val && !strcmp(val, "x y"));
	KT_EXPECT(t, args_next(&s, &key, &val));
	KT_EXPECT(t, !strcmp(key, "flag") && val == NULL);
	KT_EXPECT(t, args_next(&s, &key, &val));
	KT_EXPECT(t, !strcmp(key, "c") && val && !*val);
	KT_EXPECT(t, !args_next(&s, &key, &val));
}

/* A tab separates words, but not inside quotes; args_word keeps k=v whole. */
static void args_keep_quoted_tabs(struct ktest *t)
{
	char line[] = "insmod\tparams name=\"a\tb\" n=2";
	char *s = line, *key, *val;

	KT_EXPECT(t, !strcmp(args_word(&s), "insmod"));
	KT_EXPECT(t, !strcmp(s, "params name=\"a\tb\" n=2"));
	KT_EXPECT(t, !strcmp(args_word(&s), "params"));
	KT_EXPECT(t, args_next(&s, &key, &val));
	KT_EXPECT(t, !strcmp(key, "name") && val && !strcmp(val, "a\tb"));
	KT_EXPECT(t, !strcmp(args_word(&s), "n=2"));
	KT_EXPECT(t, args_word(&s) == NULL);
}

/* What a console was sent while it was registered. */
static char console_seen[CONSOLE_PRINTF_MAX + 64];
static size_t console_seen_len;

static void console_capture(struct console *con, const char *s, size_t n)
{
	n = MIN(n, sizeof(console_seen) - 1 - console_seen_len);
	memcpy(console_seen + console_seen_len, s, n);
	console_seen_len += n;
	console_seen[console_seen_len] = '\0';
}

/*
 * Output longer than console_printf() holds is cut with a marker and ends
 * its line, so that what the shell prints next starts a line of its own.
 */
static void console_printf_marks_a_cut(struct ktest *t)
{
	static char long_line[600];
	struct console capture = { .name = "ktest", .write = console_capture };
	const char *tail = console_seen + CONSOLE_PRINTF_MAX - 1;

	memset(long_line, 'c', sizeof(long_line) - 1);
	console_seen_len = 0;
	console_register(&capture);
	console_printf("%s\n", long_line);
	console_printf("next\n");
	console_unregister(&capture);
	KT_EXPECT(t, console_seen_len > CONSOLE_PRINTF_MAX);
	KT_EXPECT(t, !memcmp(console_seen, long_line, CONSOLE_PRINTF_MAX - 1));
	KT_EXPECT(t, !strcmp(tail, " [89 more bytes cut]\nnext\n"));
}

/* An event of the test's own, and what its probes saw. */
DECLARE_TRACE(ktest_event, TP_PROTO(int value, const char *what),
	      TP_ARGS(value, what))
DEFINE_TRACE(ktest_event);

static int probe_calls, probe_value;
static const char *probe_what;

static void ktest_probe(int value, const char *what)
{
	probe_calls++;
	probe_value = value;
	probe_what = what;
}

static void ktest_other_probe(int value, const char *what)
{
	probe_calls += 100;
}

/* Nobody subscribed: nothing runs; subscribed: the probe gets the arguments. */
static void tracepoint_reaches_its_probe(struct ktest *t)
{
	probe_calls = 0;
	trace_ktest_event(1, "before");
	KT_EXPECT_EQ(t, probe_calls, 0);
	KT_EXPECT_EQ(t, register_trace_ktest_event(ktest_probe), 0);
	trace_ktest_event(42, "step");
	KT_EXPECT_EQ(t, probe_calls, 1);
	KT_EXPECT_EQ(t, probe_value, 42);
	KT_EXPECT(t, probe_what && !strcmp(probe_what, "step"));
	KT_EXPECT_EQ(t, unregister_trace_ktest_event(ktest_probe), 0);
	trace_ktest_event(7, "after");
	KT_EXPECT_EQ(t, probe_calls, 1);
}

/* One probe per event: a second is refused, a stranger cannot unsubscribe. */
static void tracepoint_keeps_one_probe(struct ktest *t)
{
	probe_calls = 0;
	KT_EXPECT_EQ(t, register_trace_ktest_event(NULL), -EINVAL);
	KT_EXPECT_EQ(t, register_trace_ktest_event(ktest_probe), 0);
	KT_EXPECT_EQ(t, register_trace_ktest_event(ktest_other_probe), -EBUSY);
	KT_EXPECT_EQ(t, unregister_trace_ktest_event(ktest_other_probe),
		     -ENOENT);
	trace_ktest_event(3, "kept");
	KT_EXPECT_EQ(t, probe_calls, 1);
	KT_EXPECT_EQ(t, unregister_trace_ktest_event(ktest_probe), 0);
	KT_EXPECT_EQ(t, unregister_trace_ktest_event(ktest_probe), -ENOENT);
	KT_EXPECT_EQ(t, register_trace_ktest_event(ktest_other_probe), 0);
	trace_ktest_event(4, "other");
	KT_EXPECT_EQ(t, probe_calls, 101);
	KT_EXPECT_EQ(t, unregister_trace_ktest_event(ktest_other_probe), 0);
}

KTEST_SUITE(core, KTEST_CASE(log_wraps_in_order),
	    KTEST_CASE(log_joins_continuations),
	    KTEST_CASE(kallsyms_names_functions),
	    KTEST_CASE(cmdline_splits_words), KTEST_CASE(args_keep_quoted_tabs),
	    KTEST_CASE(console_printf_marks_a_cut),
	    KTEST_CASE(tracepoint_reaches_its_probe),
	    KTEST_CASE(tracepoint_keeps_one_probe));
