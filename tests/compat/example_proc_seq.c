/*
 * example_proc_seq.c - a /proc file made with seq_file: a list of
 * records, one line each, more than a page in all, read with the
 * seq_list helpers from a directory of the module's own.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#define RECORDS 200

struct record {
	int n;
	struct list_head list;
};

static LIST_HEAD(records);
static struct proc_dir_entry *dir;

/* excerpt: records-seq-ops */
static void *records_start(struct seq_file *s, loff_t *pos)
{
	return seq_list_start_head(&records, *pos);
}

static void *records_next(struct seq_file *s, void *v, loff_t *pos)
{
	return seq_list_next(v, &records, pos);
}

static void records_stop(struct seq_file *s, void *v)
{
}

static int records_show(struct seq_file *s, void *v)
{
	struct record *r;

	if (v == &records) {
		seq_puts(s, "record  square    cube\n");
		return 0;
	}
	r = list_entry(v, struct record, list);
	seq_printf(s, "%6d %7d %7d\n", r->n, r->n * r->n, r->n * r->n * r->n);
	return 0;
}

static const struct seq_operations records_ops = {
	.start = records_start,
	.next = records_next,
	.stop = records_stop,
	.show = records_show,
};
/* excerpt-end: records-seq-ops */

static void records_free(void)
{
	struct record *r, *tmp;

	list_for_each_entry_safe(r, tmp, &records, list) {
		list_del(&r->list);
		kfree(r);
	}
}

static int __init procfs_seq_init(void)
{
	for (int i = 1; i <= RECORDS; i++) {
		struct record *r = kmalloc(sizeof(*r), GFP_KERNEL);

		if (!r) {
			records_free();
			return -ENOMEM;
		}
		r->n = i;
		list_add_tail(&r->list, &records);
	}
	dir = proc_mkdir("example_seq", NULL);
	if (!dir || !proc_create_seq("records", 0444, dir, &records_ops)) {
		proc_remove(dir);
		records_free();
		return -ENOMEM;
	}
	pr_info("/proc/example_seq/records: %d records\n", RECORDS);
	return 0;
}

static void __exit procfs_seq_exit(void)
{
	remove_proc_subtree("example_seq", NULL);
	records_free();
	pr_info("/proc/example_seq removed\n");
}

module_init(procfs_seq_init);
module_exit(procfs_seq_exit);

MODULE_LICENSE("GPL");
