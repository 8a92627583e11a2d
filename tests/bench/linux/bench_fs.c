/*
 * bench_fs: one path walk of five components, kern_path() of
 * /bench/a/b/c/d, which make bench and make bench-linux put in the
 * initramfs, averaged over many walks.  Like bench_sched it uses Linux's
 * API alone, so both load the same file ("bench_fs: path_walk_ns 123").
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/namei.h>

#define WALKS 20000
#define WALK_PATH "/bench/a/b/c/d"

static int __init bench_fs_init(void)
{
	struct path path;
	u64 start, ns;
	int i, err = 0;

	start = ktime_get_ns();
	for (i = 0; i < WALKS && !err; i++) {
		err = kern_path(WALK_PATH, LOOKUP_FOLLOW, &path);
		if (!err)
			path_put(&path);
	}
	ns = ktime_get_ns() - start;
	if (err) {
		pr_err("kern_path(%s): error %d\n", WALK_PATH, err);
		return err;
	}
	pr_info("path_walk_ns %llu\n", (unsigned long long)(ns / WALKS));
	pr_info("done\n");
	return 0;
}

static void __exit bench_fs_exit(void)
{
}

module_init(bench_fs_init);
module_exit(bench_fs_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("The cost of a path walk of five components");
