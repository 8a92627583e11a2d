/*
 * What sysfs's files share: the node behind each attribute file and
 * group directory, which lets a removal wait for the calls in progress
 * and fail the later ones, and the root of the tree.
 */
#ifndef KERNEL_FS_SYSFS_INTERNAL_H
#define KERNEL_FS_SYSFS_INTERNAL_H

#include <kernel/sysfs.h>

/*
 * One attribute file or named group directory of a kobject.  The kobject
 * lists it (sd_files) until it is removed; its inode's i_private points
 * at it, and the inode's eviction frees it, so an open file's node stays
 * while the file is open.  @active counts show/store calls in progress;
 * once @removed, no new one starts.  Both under sysfs_active_lock.
 */
struct sysfs_node {
	struct list_head list;
	struct kobject *kobj;
	const struct attribute *attr;	   /* NULL: a group's directory */
	const struct attribute_group *grp; /* the group that made it, or NULL */
	struct dentry *dentry;
	int active;
	bool removed;
};

/* /sys itself: the root of sysfs's one super block (kernel/fs/sysfs/mount.c). */
extern struct dentry *sysfs_root;

/*
 * sysfs_add_file - @attr as a file of mode @mode in @dir for @kobj, made
 * by @grp (or NULL).  sysfs_add_dir - @grp's directory in @kobj's.  Each
 * gives 0 and the node (listed in @kobj->sd_files) in *@out if @out, or
 * -EEXIST, -ENOENT, -ENOMEM.  Sleep.
 */
int sysfs_add_file(struct kobject *kobj, struct dentry *dir,
		   const struct attribute *attr, umode_t mode,
		   const struct attribute_group *grp, struct sysfs_node **out);
int sysfs_add_dir(struct kobject *kobj, const struct attribute_group *grp,
		  struct sysfs_node **out);

/*
 * sysfs_lock_acquire / sysfs_lock_release - the lock over every
 * kobject's sd_files and every node's active and removed (a mutex).
 * sysfs_unlist - under it: take @node off its kobject's list and let no
 * new call start on it.  sysfs_kill - then, without it: wait for the
 * calls in progress and take @node out of the tree; @node may be freed
 * when it returns.  Sleeps.
 */
void sysfs_lock_acquire(void);
void sysfs_lock_release(void);
void sysfs_unlist(struct sysfs_node *node);
void sysfs_kill(struct sysfs_node *node);

/* sysfs_remove_all - every node of @kobj's, the files before the dirs. */
void sysfs_remove_all(struct kobject *kobj);

#endif
