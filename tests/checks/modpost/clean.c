/*
 * Fixture for tests/checks/modpost.sh: init code that refers only to what is
 * allowed -- other init code and data, and code that stays.
 */
#include <kernel/init.h>

static int clean_value = 3;
static int clean_data[2] __initdata = { 1, 2 };

int clean_helper(void)
{
	return clean_value;
}

static int __init clean_init(void)
{
	return clean_helper() + clean_data[1];
}
late_initcall(clean_init);
