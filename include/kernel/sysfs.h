/*
 * kobjects and sysfs: a kobject is a named, counted kernel object with a
 * directory under /sys; its attributes are files whose reads and writes
 * call the object's show and store.  The names, signatures and lifetime
 * rules are Linux's, so a module written for Linux makes its /sys files
 * unchanged.  kernel/fs/sysfs/ builds the tree with the libfs helpers.
 */
#ifndef KERNEL_SYSFS_H
#define KERNEL_SYSFS_H

#include <kernel/fs.h>
#include <kernel/list.h>
#include <kernel/types.h>
#include <linux/compiler.h>
#include <linux/kref.h>

struct kobject;

/* A file of a kobject: its name and mode (0444, 0644, 0200 ...). */
struct attribute {
	const char *name;
	umode_t mode;
};

/*
 * Attributes made and removed together; with a name, in a subdirectory
 * of that name.  is_visible (may be NULL) gives an attribute's mode, 0
 * to leave it out; attrs ends with NULL.
 */
struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr,
			      int n);
	struct attribute **attrs;
};

/* How a kobject's attribute files read (show) and write (store). */
struct sysfs_ops {
	ssize_t (*show)(struct kobject *kobj, struct attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *kobj, struct attribute *attr,
			 const char *buf, size_t count);
};

/* A kind of kobject: how it is freed, read and written, its files. */
struct kobj_type {
	void (*release)(struct kobject *kobj); /* the last put's */
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups; /* NULL-ended */
};

struct sysfs_node;

struct kobject {
	const char *name;
	struct kobject *parent; /* held: its directory is in the parent's */
	const struct kobj_type *ktype;
	struct kref kref;
	struct dentry *sd;	   /* its directory, while in sysfs */
	struct list_head sd_files; /* its files and groups (sysfs/file.c) */
	bool state_initialized;
	bool state_in_sysfs;
};

/* An attribute of a plain kobject (kobject_create_and_add()'s kind). */
struct kobj_attribute {
	struct attribute attr;
	ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf);
	ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count);
};

/* The sysfs_ops that call a kobj_attribute's show and store (-EIO: none). */
extern const struct sysfs_ops kobj_sysfs_ops;

/* clang-format off */
#define __ATTR(_name, _mode, _show, _store) {                                \
	.attr = { .name = __stringify(_name), .mode = (_mode) },             \
	.show = _show, .store = _store }
#define __ATTR_RO_MODE(_name, _mode) {                                       \
	.attr = { .name = __stringify(_name), .mode = (_mode) },             \
	.show = _name##_show }
#define __ATTR_RO(_name) __ATTR_RO_MODE(_name, 0444)
#define __ATTR_WO(_name) {                                                   \
	.attr = { .name = __stringify(_name), .mode = 0200 },                \
	.store = _name##_store }
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }
/* clang-format on */

/* /sys/kernel: where a module puts its own kobjects, as Linux's. */
extern struct kobject *kernel_kobj;

/*
 * kobject_init - make @kobj (zeroed or unused) a kobject of @ktype with
 * one reference, the caller's.  kobject_add - give it the name @fmt...
 * and its directory in @parent's (NULL: /sys itself); it takes a
 * reference on @parent.  0, or -EINVAL (not initialized, no name),
 * -EEXIST (the name is taken), -ENOMEM; after a failure the caller still
 * kobject_put()s it.  kobject_init_and_add - both.  Each sleeps.
 */
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt,
		...) __printf(3, 4);
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
	__printf(4, 5);

/*
 * kobject_create_and_add - a new kobject @name in @parent (NULL: /sys),
 * whose files are kobj_attributes and whose last put frees it; NULL if it
 * cannot be made (the reason is logged).  Sleeps.
 */
struct kobject *kobject_create_and_add(const char *name,
				       struct kobject *parent);

/*
 * kobject_get - one more reference on @kobj (NULL is fine); gives @kobj.
 * kobject_put - drop one; the last removes its directory (as
 * kobject_del) and calls its ktype's release.  kobject_del - take its
 * directory out now, waiting for reads and writes in progress; open files
 * of it fail from then on.  Each sleeps; none may be called under
 * vfs_lock.
 */
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
void kobject_del(struct kobject *kobj);

/* kobject_name - @kobj's name. */
static inline const char *kobject_name(const struct kobject *kobj)
{
	return kobj->name;
}

/*
 * sysfs_create_file - the file @attr in @kobj's directory, mode
 * @attr->mode: 0, or -ENOENT (@kobj not in sysfs), -EEXIST, -ENOMEM.
 * sysfs_remove_file - take it away, waiting for calls in progress (an
 * open file's later calls fail with -ENODEV).  Both sleep.
 */
int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);

/*
 * sysfs_create_group - every attribute of @grp (in the subdirectory
 * @grp->name if it has one): 0, or the first error, with what was made
 * taken away again.  sysfs_remove_group - take them away.
 * sysfs_create_groups / sysfs_remove_groups - each of a NULL-ended list.
 * All sleep.
 */
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj,
			const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj,
			const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj,
			 const struct attribute_group **groups);

/*
 * sysfs_create_mount_point - an empty directory @name in @parent's, for
 * a file system to be mounted on (/sys/kernel/debug).  0 or -errno.
 * sysfs_remove_mount_point - take it away.
 */
int sysfs_create_mount_point(struct kobject *parent, const char *name);
void sysfs_remove_mount_point(struct kobject *parent, const char *name);

/*
 * sysfs_emit - format into a show's @buf (a page): the characters
 * written, never more than the page holds.  sysfs_emit_at - the same at
 * offset @at of it.
 */
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);
int sysfs_emit_at(char *buf, int at, const char *fmt, ...) __printf(3, 4);

#endif
