/*
 * /sys/kernel/debug/kmemleak in the debug kernel
 * (CONFIG_DEBUG_KMEMLEAK_MODULES): the totals of the leaks reported when
 * modules unloaded (mm/modleak.c), all modules' first, then each
 * module's.  Linux's file lists the unreferenced objects its scanner
 * found; here the report at unload lists them, and this file sums up.
 */
#include <kernel/debugfs.h>
#include <kernel/init.h>
#include <kernel/mm_debug.h>
#include <kernel/seq_file.h>

#define KMEMLEAK_ROWS 33 /* the sum and mm/modleak.c's 32 modules */

static int kmemleak_show(struct seq_file *m, void *v)
{
	static struct modleak_totals t[KMEMLEAK_ROWS];
	size_t n = modleak_totals_get(t, KMEMLEAK_ROWS);

	seq_printf(m, "leaks reported: %lu\nobjects: %lu\nbytes: %lu\n",
		   t[0].reports, t[0].objects, t[0].bytes);
	if (n > 1)
		seq_printf(m, "%-24s %8s %8s %10s\n", "module", "reports",
			   "objects", "bytes");
	for (size_t i = 1; i < n; i++)
		seq_printf(m, "%-24s %8lu %8lu %10lu\n", t[i].name,
			   t[i].reports, t[i].objects, t[i].bytes);
	return 0;
}

static int kmemleak_open(struct inode *inode, struct file *file)
{
	return single_open(file, kmemleak_show, NULL);
}

static const struct file_operations kmemleak_fops = {
	.open = kmemleak_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static int __init kmemleak_debugfs_init(void)
{
	debugfs_create_file("kmemleak", 0444, NULL, NULL, &kmemleak_fops);
	return 0;
}
late_initcall(kmemleak_debugfs_init);
