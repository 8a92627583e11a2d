/*
 * procfs: /proc, files whose contents the kernel makes when they are
 * read.  Linux's API (include/linux/proc_fs.h, 6.1): entries made with
 * proc_create() and friends over a struct proc_ops or a seq_file
 * iterator, removed with proc_remove(), safely while files are open.
 */
#ifndef KERNEL_PROC_FS_H
#define KERNEL_PROC_FS_H

#include <kernel/fs.h>
#include <kernel/seq_file.h>

struct proc_dir_entry; /* opaque: kernel/fs/proc/internal.h */

/* proc_flags: Linux's bits; Sprout treats every entry alike. */
#define PROC_ENTRY_PERMANENT 0x1u

/*
 * A /proc file's operations, as Linux's struct proc_ops: no owner, so a
 * module's entry is protected by its removal, which waits for the calls
 * in progress and makes later ones fail.
 */
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *, struct file *);
	ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*proc_write)(struct file *, const char __user *, size_t,
			      loff_t *);
	loff_t (*proc_lseek)(struct file *, loff_t, int);
	int (*proc_release)(struct inode *, struct file *);
	unsigned int (*proc_poll)(struct file *, struct poll_table_struct *);
	long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
};

/*
 * proc_create_data - a file @name (a path below @parent, /proc itself if
 * NULL) with @mode (0444 if no permission bits), @proc_ops, and @data for
 * pde_data().  proc_create - the same with no data.  The entry, or NULL
 * (the name exists, a directory of the path is missing, no memory); the
 * reason is logged.  Each sleeps.
 */
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops,
					void *data);
struct proc_dir_entry *proc_create(const char *name, umode_t mode,
				   struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);

/*
 * proc_create_seq_private - a file read through the seq_file iterator
 * @ops; each open gets m->private zeroed @state_size bytes (none if 0).
 * proc_create_seq_data / proc_create_seq - with @data / none and no
 * state.  proc_create_single_data / proc_create_single - a file shown
 * whole by @show (single_open()), m->private being @data.  As
 * proc_create_data() for the rest.
 */
struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       const struct seq_operations *ops,
					       unsigned int state_size,
					       void *data);
#define proc_create_seq_data(name, mode, parent, ops, data) \
	proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops) \
	proc_create_seq_private(name, mode, parent, ops, 0, NULL)
struct proc_dir_entry *
proc_create_single_data(const char *name, umode_t mode,
			struct proc_dir_entry *parent,
			int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)

/*
 * proc_mkdir_data - a directory @name below @parent with @mode (0555 if
 * no permission bits) and @data; proc_mkdir_mode, proc_mkdir - fewer
 * arguments.  The entry, or NULL as proc_create_data().
 */
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent,
				       void *data);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode,
				       struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir(const char *name,
				  struct proc_dir_entry *parent);

/*
 * proc_symlink - a symbolic link @name below @parent to @dest (copied).
 * The entry, or NULL as proc_create_data().
 */
struct proc_dir_entry *
proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest);

/*
 * proc_remove - take @de and everything below it away (NULL is ignored):
 * waits for the calls into its files in progress, releases the files
 * still open (their later calls fail with -EIO), then frees what no open
 * file holds.  remove_proc_entry - the same for the entry @name below
 * @parent, warning as Linux if it is not there or is a non-empty
 * directory.  remove_proc_subtree - the same without the warnings;
 * 0 or -ENOENT.  Each sleeps.
 */
void proc_remove(struct proc_dir_entry *de);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent);

/* proc_set_size - the size stat() shows for @de's file (0 otherwise). */
void proc_set_size(struct proc_dir_entry *de, loff_t size);

/* pde_data - the @data of the entry whose file @inode is. */
void *pde_data(const struct inode *inode);

#endif
