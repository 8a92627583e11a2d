/*
 * Test-only initcalls, one at every level and _sync variant, registered in
 * the real initcall sections.  They do nothing unless the command line says
 * initcall_test; then each notes that it ran, the last one checks the order,
 * one fails on purpose (-ENODEV) and one is there to be blacklisted.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static bool initcall_test_enabled __initdata;
static unsigned int initcall_test_seen __initdata;
/* The first level that ran out of order. */
static const char *initcall_test_wrong __initdata;

/* The order do_initcalls() must follow (docs/architecture.md, "Initcalls and parameters"). */
/* clang-format off */
static const char *const initcall_test_order[] __initconst = {
	"pure", "pure_sync", "core", "core_sync", "postcore", "postcore_sync",
	"arch", "arch_sync", "subsys", "subsys_sync", "fs", "fs_sync",
	"rootfs", "device", "device_sync", "late", "late_sync",
};
/* clang-format on */

static int __init initcall_test_setup(const char *val)
{
	initcall_test_enabled = true;
	return 0;
}
__setup("initcall_test", initcall_test_setup);

static int __init initcall_test_ran(const char *level)
{
	if (!initcall_test_enabled)
		return 0;
	pr_info("initcall_test: %s\n", level);
	if (!initcall_test_wrong &&
	    (initcall_test_seen >= ARRAY_SIZE(initcall_test_order) ||
	     strcmp(initcall_test_order[initcall_test_seen], level)))
		initcall_test_wrong = level;
	initcall_test_seen++;
	return 0;
}

#define INITCALL_TEST(level, registrar)               \
	static int __init initcall_test_##level(void) \
	{                                             \
		return initcall_test_ran(#level);     \
	}                                             \
	registrar(initcall_test_##level)

INITCALL_TEST(pure, pure_initcall);
INITCALL_TEST(pure_sync, pure_initcall_sync);
INITCALL_TEST(core, core_initcall);
INITCALL_TEST(core_sync, core_initcall_sync);
INITCALL_TEST(postcore, postcore_initcall);
INITCALL_TEST(postcore_sync, postcore_initcall_sync);
INITCALL_TEST(arch, arch_initcall);
INITCALL_TEST(arch_sync, arch_initcall_sync);
INITCALL_TEST(subsys, subsys_initcall);
INITCALL_TEST(subsys_sync, subsys_initcall_sync);
INITCALL_TEST(fs, fs_initcall);
INITCALL_TEST(fs_sync, fs_initcall_sync);
INITCALL_TEST(rootfs, rootfs_initcall);
INITCALL_TEST(device, device_initcall);
INITCALL_TEST(device_sync, device_initcall_sync);
INITCALL_TEST(late, late_initcall);

static int __init initcall_test_fails(void)
{
	return initcall_test_enabled ? -ENODEV : 0;
}
device_initcall(initcall_test_fails);

static int __init initcall_test_blacklisted(void)
{
	if (initcall_test_enabled)
		pr_err("initcall_test: the blacklisted initcall ran\n");
	return 0;
}
device_initcall(initcall_test_blacklisted);

/* The last level: check what ran before it. */
static int __init initcall_test_late_sync(void)
{
	initcall_test_ran("late_sync");
	if (!initcall_test_enabled)
		return 0;
	if (initcall_test_wrong)
		pr_err("initcall_test: level %s ran out of order\n",
		       initcall_test_wrong);
	else if (initcall_test_seen != ARRAY_SIZE(initcall_test_order))
		pr_err("initcall_test: %u levels ran, expected %zu\n",
		       initcall_test_seen, ARRAY_SIZE(initcall_test_order));
	else
		pr_info("initcall_test: all %u levels ran in order\n",
			initcall_test_seen);
	return 0;
}
late_initcall_sync(initcall_test_late_sync);
