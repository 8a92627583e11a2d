/*
 * Deliberate crashes for the boot tests (like Linux's lkdtm): booting with
 * crash=<name> performs that fault right after the ready line, and the test
 * checks the oops it produces.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/ktest.h>
#include <kernel/printk.h>
#include <kernel/string.h>

#define CRASH_NAME_MAX 32

struct crash_point {
	const char *name;
	void (*fn)(void);
};

static char crash_what[CRASH_NAME_MAX];

static int __init crash_setup(const char *val)
{
	if (!val)
		return -EINVAL;
	strlcpy(crash_what, val, sizeof(crash_what));
	return 0;
}
__setup("crash", crash_setup);

/* Write through a pointer the compiler cannot see is NULL-ish. */
static void crash_pagefault(void)
{
	volatile uint64_t *p = (volatile uint64_t *)(uintptr_t)0xdead000;

	*p = 1;
}

static void crash_null(void)
{
	volatile int *volatile p = NULL;

	*p = 1;
}

static const struct crash_point crash_points[] = {
	{ "pagefault", crash_pagefault },
	{ "null", crash_null },
};

void crash_test_run(void)
{
	if (!crash_what[0])
		return;
	for (size_t i = 0; i < ARRAY_SIZE(crash_points); i++) {
		if (!strcmp(crash_points[i].name, crash_what)) {
			pr_info("crash: triggering '%s' on purpose\n", crash_what);
			crash_points[i].fn();
			pr_err("crash: '%s' did not crash\n", crash_what);
			return;
		}
	}
	pr_err("crash: unknown crash point '%s'\n", crash_what);
}
