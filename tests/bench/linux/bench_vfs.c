/*
 * bench_vfs: what a file in /proc costs to use, through Linux's API
 * alone so that make bench and make bench-linux load the same file: the
 * open and close of /proc/version, and a whole "cat /proc/meminfo"
 * (open, read to the end, close), as "bench_vfs: vfs_open_ns 1234".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/fs.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/slab.h>

#define OPEN_ROUNDS 10000
#define MEMINFO_ROUNDS 1000
#define READ_CHUNK 4096 /* what cat asks for at a time, as coreutils' */

static int bench_open_close(u64 *ns)
{
	u64 start = ktime_get_ns();

	for (int i = 0; i < OPEN_ROUNDS; i++) {
		struct file *f = filp_open("/proc/version", O_RDONLY, 0);

		if (IS_ERR(f))
			return PTR_ERR(f);
		filp_close(f, NULL);
	}
	*ns = (ktime_get_ns() - start) / OPEN_ROUNDS;
	return 0;
}

/* One "cat": open, read to the end in READ_CHUNK pieces, close. */
static int bench_cat(const char *name, char *buf)
{
	struct file *f = filp_open(name, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	while ((n = kernel_read(f, buf, READ_CHUNK, &pos)) > 0)
		;
	filp_close(f, NULL);
	return n;
}

static int __init bench_vfs_init(void)
{
	char *buf = kmalloc(READ_CHUNK, GFP_KERNEL);
	u64 open_ns = 0, start, hundredths;
	int err;

	if (!buf)
		return -ENOMEM;
	err = bench_open_close(&open_ns);
	if (err) {
		pr_err("cannot open /proc/version: %d\n", err);
		goto out;
	}
	pr_info("vfs_open_ns %llu\n", (unsigned long long)open_ns);
	start = ktime_get_ns();
	for (int i = 0; i < MEMINFO_ROUNDS && !err; i++)
		err = bench_cat("/proc/meminfo", buf);
	if (err) {
		pr_err("cannot read /proc/meminfo: %d\n", err);
		goto out;
	}
	/* Microseconds with two decimals, whole and hundredths apart. */
	hundredths = ((ktime_get_ns() - start) / MEMINFO_ROUNDS + 5) / 10;
	pr_info("proc_meminfo_us %llu.%02llu\n",
		(unsigned long long)(hundredths / 100),
		(unsigned long long)(hundredths % 100));
	pr_info("done\n");
out:
	kfree(buf);
	return err;
}

static void __exit bench_vfs_exit(void)
{
}

module_init(bench_vfs_init);
module_exit(bench_vfs_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("The cost of opening and reading files in /proc");
