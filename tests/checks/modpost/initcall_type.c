/*
 * Fixture for tests/checks/modpost.sh: an initcall of the wrong type must
 * not compile.
 */
#include <kernel/init.h>

static void __init wrong_type_init(void)
{
}
device_initcall(wrong_type_init);
