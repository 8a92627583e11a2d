/*
 * make bench figures for files: the boot-time unpacking of the initrd into
 * the root (populate_rootfs's initcall record), and one path walk of five
 * components through kern_path(), averaged over many walks.
 */
#include <kernel/bench.h>
#include <kernel/fs.h>
#include <kernel/initcall.h>
#include <kernel/kallsyms.h>
#include <kernel/printk.h>
#include <kernel/time.h>
#include <kernel/x86.h>

#define WALKS 20000
#define WALK_DIR "/bench_a"
#define WALK_PATH WALK_DIR "/b/c/d/e"

static void bench_unpack_initrd(void)
{
	uintptr_t fn = kallsyms_lookup_name("populate_rootfs");

	for (size_t i = 0; fn && i < initcall_record_count; i++)
		if (initcall_records[i].fn == fn)
			bench_value("unpack_initrd_us",
				    initcall_records[i].ns / NSEC_PER_USEC,
				    "the initrd unpacked into the root at boot");
}

static const char *const walk_dirs[] = {
	WALK_DIR, WALK_DIR "/b", WALK_DIR "/b/c", WALK_DIR "/b/c/d", WALK_PATH,
};

static void walk_tree_remove(void)
{
	for (size_t i = ARRAY_SIZE(walk_dirs); i-- > 0;)
		ksys_rmdir(walk_dirs[i]);
}

static void bench_path_walk(void)
{
	struct path p;
	uint64_t t0, ticks;
	int ret = 0;

	for (size_t i = 0; i < ARRAY_SIZE(walk_dirs) && !ret; i++)
		ret = ksys_mkdir(walk_dirs[i], 0755);
	t0 = rdtsc();
	for (int i = 0; i < WALKS && !ret; i++) {
		ret = kern_path(WALK_PATH, LOOKUP_FOLLOW, &p);
		if (!ret)
			path_put(&p);
	}
	ticks = rdtsc() - t0;
	walk_tree_remove();
	if (ret)
		pr_err("bench: path_walk_ns: %s: error %d\n", WALK_PATH, ret);
	else
		bench_report("path_walk_ns",
			     "kern_path of " WALK_PATH " (five components)",
			     WALKS, ticks);
}

static void bench_fs(void)
{
	bench_unpack_initrd();
	bench_path_walk();
}
BENCH("files", bench_fs);
