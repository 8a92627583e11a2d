/*
 * Chapter 14, exercise 4, the /proc file: /proc/squares, one line "i i*i"
 * for each i from 1 to the parameter n, made by a seq_file iterator as
 * it is read.  With n=1000 it is 10436 bytes, more than two pages, so
 * seq_read() makes it in several batches.  Like a proc_ops, the entry
 * names no owner: an open file does not hold the module, and rmmod
 * succeeds while one is open.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

static int n = 1000;
module_param(n, int, 0444);
MODULE_PARM_DESC(n, "how many lines /proc/squares has");

static struct proc_dir_entry *squares_entry;

/*
 * A record is its number i, from 1, as the iterator's pointer: never NULL,
 * so NULL is left to mean "no more".  *pos counts from 0.
 */
static void *squares_start(struct seq_file *m, loff_t *pos)
{
	return *pos < n ? (void *)(unsigned long)(*pos + 1) : NULL;
}

static void *squares_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return squares_start(m, pos);
}

static void squares_stop(struct seq_file *m, void *v)
{
}

static int squares_show(struct seq_file *m, void *v)
{
	unsigned long i = (unsigned long)v;

	seq_printf(m, "%lu %lu\n", i, i * i);
	return 0;
}

static const struct seq_operations squares_ops = {
	.start = squares_start,
	.next = squares_next,
	.stop = squares_stop,
	.show = squares_show,
};

static int __init squares_init(void)
{
	if (n < 0)
		return -EINVAL;
	squares_entry = proc_create_seq("squares", 0444, NULL, &squares_ops);
	if (!squares_entry)
		return -ENOMEM;
	pr_info("squares: /proc/squares has %d lines\n", n);
	return 0;
}

static void __exit squares_exit(void)
{
	proc_remove(squares_entry);
	pr_info("squares: removed\n");
}

module_init(squares_init);
module_exit(squares_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("/proc/squares, a seq_file of n lines");
