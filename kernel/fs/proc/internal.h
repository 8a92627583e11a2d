/*
 * What procfs's files share: the entry behind each /proc name (struct
 * proc_dir_entry, opaque to modules), its lifetime, and the guard that
 * lets an entry be removed while its files are open.
 */
#ifndef KERNEL_FS_PROC_INTERNAL_H
#define KERNEL_FS_PROC_INTERNAL_H

#include <kernel/proc_fs.h>
#include <kernel/refcount.h>
#include <kernel/sched.h>

struct proc_dir_entry {
	refcount_t refcnt; /* the tree's, and its inode's until evicted */
	struct proc_dir_entry *parent;
	struct list_head subdir;      /* children, under proc_subdir_lock */
	struct list_head subdir_node; /* in the parent's subdir */
	struct dentry *dentry;	      /* its name in procfs's tree */
	umode_t mode;
	const struct proc_ops *proc_ops; /* or one of these two: */
	const struct seq_operations *seq_ops;
	int (*single_show)(struct seq_file *, void *);
	unsigned int state_size; /* seq_ops's m->private, per open */
	void *data;		 /* pde_data() */
	/* Calls in progress, and the removal that waits for them. */
	int in_use;
	bool removing;
	int gone_err; /* what calls give after removal: -EIO, or -ESRCH */
	struct completion *removed;
	struct list_head openers; /* files with a release still to run */
	char name[];
};

/* /proc itself: its dentry is procfs's root (root.c sets it). */
extern struct proc_dir_entry proc_root;
/* Covers every entry's subdir list and parent. */
extern struct mutex proc_subdir_lock;

/* pde_put - drop a reference; the last frees @de.  Any context. */
void pde_put(struct proc_dir_entry *de);

/*
 * The file operations of every /proc file: each call goes to the entry's
 * proc_ops (or seq_file) unless its removal has begun (-EIO then).
 */
extern const struct file_operations proc_reg_file_ops;

/*
 * proc_entry_drain - mark @de as going, wait for the calls into its files
 * in progress, then run the release of each file still open.  After it
 * nothing calls @de's operations.  Sleeps.
 */
void proc_entry_drain(struct proc_dir_entry *de);

/* proc_fill_super - procfs's root, and the inode eviction that lets go
 * of an entry. */
int proc_fill_super(struct super_block *sb);

/*
 * The /proc/<pid> directories (base.c): proc_pid_init makes one for every
 * task there is and registers with the scheduler for those to come.
 * proc_pid_task_get - the task numbered @pid, referenced (the caller
 * put_task_struct()s it), or NULL if it has ended.
 */
int proc_pid_init(void);
struct task_struct *proc_pid_task_get(int pid);

#endif
