/*
 * procfs_entry.c - a module that makes a /proc file.  Sprout has no procfs,
 * so this must fail to build, naming the missing header.
 */
#include <linux/module.h>
#include <linux/proc_fs.h>

static struct proc_dir_entry *entry;

static int __init procfs_entry_init(void)
{
	entry = proc_create("helloworld", 0644, NULL, NULL);
	return entry ? 0 : -ENOMEM;
}

static void __exit procfs_entry_exit(void)
{
	proc_remove(entry);
}

module_init(procfs_entry_init);
module_exit(procfs_entry_exit);
MODULE_LICENSE("GPL");
