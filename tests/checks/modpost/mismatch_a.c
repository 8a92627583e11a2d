/*
 * Fixture for tests/checks/modpost.sh: one object with section mismatches
 * (code and data that stay after boot referring to __init code and data,
 * here and in mismatch_b.c) next to references that are allowed.
 */
#include <kernel/init.h>

int bar_setup(void);	/* __init, in mismatch_b.c */
extern int bar_table[]; /* __initdata, in mismatch_b.c */

static int __init local_setup(void)
{
	return 2;
}

/* Mismatches: these stay after boot. */
int foo_probe(void)
{
	return bar_setup();
}

int foo_local(void)
{
	return local_setup();
}

int *foo_pointer = bar_table;

/* Allowed: init code calling init code, a __ref function, the tables. */
static int __init foo_init(void)
{
	return local_setup() + bar_setup();
}
device_initcall(foo_init);

int __ref foo_boot_only(void)
{
	return bar_setup();
}
