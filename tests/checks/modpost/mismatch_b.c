/*
 * Fixture for tests/checks/modpost.sh: the __init code and data that
 * mismatch_a.c refers to from another object.
 */
#include <kernel/init.h>

int bar_table[4] __initdata = { 1, 2, 3, 4 };

int __init bar_setup(void)
{
	return bar_table[0];
}
