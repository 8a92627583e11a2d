/*
 * In-kernel tests.  A suite is a list of cases registered in the .ktest_suites
 * section with KTEST_SUITE(); booting with "ktest" runs every suite (or
 * "ktest=a,b" just those, "ktest=-a" all but a), prints KTAP and ends QEMU
 * with a pass/fail code.
 */
#ifndef KERNEL_KTEST_H
#define KERNEL_KTEST_H

#include <kernel/types.h>

struct ktest {
	const char *name;
	int failures;
};

struct ktest_case {
	const char *name;
	void (*fn)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	size_t count;
};

/* clang-format off */
#define KTEST_CASE(fn) { #fn, fn }

#define KTEST_SUITE(sname, ...)                                              \
	static const struct ktest_case __ktest_cases_##sname[] = { __VA_ARGS__ }; \
	static const struct ktest_suite __ktest_suite_##sname __used         \
		__section(".ktest_suites") __aligned(8) = {                  \
			#sname, __ktest_cases_##sname,                       \
			ARRAY_SIZE(__ktest_cases_##sname) }
/* clang-format on */

/* Record a failed check (the message is printed as a KTAP diagnostic). */
void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt,
		...) __printf(4, 5);

struct mm_stats;

/*
 * ktest_same_mm - do two mm_get_stats() readings agree on what a load or a
 * failure path must give back (free frames, heap bytes and allocations,
 * module-area and stack-area pages)?  If not, fail @t, naming @what (may be NULL) and each
 * counter's two values.
 */
bool ktest_same_mm(struct ktest *t, const char *what, const struct mm_stats *a,
		   const struct mm_stats *b);

/* ktest_log_count - how many records of the kernel log contain @text. */
int ktest_log_count(const char *text);

/*
 * ktest_sleep_until_stopped - for a test's kernel thread that has done
 * its work: sleep until kthread_stop() is called on it, then return 0
 * (its threadfn's result).
 */
int ktest_sleep_until_stopped(void);

#define KT_EXPECT(t, cond)                                               \
	do {                                                             \
		if (!(cond))                                             \
			ktest_fail(t, __FILE__, __LINE__, "expected %s", \
				   #cond);                               \
	} while (0)

#define KT_EXPECT_EQ(t, a, b)                                                  \
	do {                                                                   \
		long long __a = (long long)(a), __b = (long long)(b);          \
		if (__a != __b)                                                \
			ktest_fail(t, __FILE__, __LINE__,                      \
				   "expected %s == %s (%lld != %lld)", #a, #b, \
				   __a, __b);                                  \
	} while (0)

#endif
