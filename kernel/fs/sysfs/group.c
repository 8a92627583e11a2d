/*
 * Attribute groups (several files made and removed as one, in their own
 * subdirectory if named), mount points in /sys, and sysfs_emit(), the
 * formatting a show uses so that it never writes past its page.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/string.h>

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct dentry *dir = kobj->sd;
	struct sysfs_node *node;
	int ret;

	if (!kobj->sd)
		return -ENOENT;
	if (grp->name) {
		ret = sysfs_add_dir(kobj, grp, &node);
		if (ret)
			return ret;
		dir = node->dentry;
	}
	for (int i = 0; grp->attrs && grp->attrs[i]; i++) {
		struct attribute *attr = grp->attrs[i];
		umode_t mode = attr->mode;

		if (grp->is_visible)
			mode = grp->is_visible(kobj, attr, i);
		if (!mode)
			continue;
		ret = sysfs_add_file(kobj, dir, attr, mode, grp, NULL);
		if (ret) {
			sysfs_remove_group(kobj, grp);
			return ret;
		}
	}
	return 0;
}
EXPORT_SYMBOL(sysfs_create_group);

/* Take the first node @grp made, files before its directory. */
static struct sysfs_node *group_take(struct kobject *kobj,
				     const struct attribute_group *grp)
{
	struct sysfs_node *node, *dir = NULL, *found = NULL;

	sysfs_lock_acquire();
	list_for_each_entry(node, &kobj->sd_files, list)
		if (node->grp == grp && node->attr) {
			found = node;
			break;
		} else if (node->grp == grp) {
			dir = node;
		}
	if (!found)
		found = dir;
	if (found)
		sysfs_unlist(found);
	sysfs_lock_release();
	return found;
}

void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct sysfs_node *node;

	while ((node = group_take(kobj, grp)))
		sysfs_kill(node);
}
EXPORT_SYMBOL(sysfs_remove_group);

int sysfs_create_groups(struct kobject *kobj,
			const struct attribute_group **groups)
{
	int ret;

	for (int i = 0; groups && groups[i]; i++) {
		ret = sysfs_create_group(kobj, groups[i]);
		if (ret) {
			while (--i >= 0)
				sysfs_remove_group(kobj, groups[i]);
			return ret;
		}
	}
	return 0;
}
EXPORT_SYMBOL(sysfs_create_groups);

void sysfs_remove_groups(struct kobject *kobj,
			 const struct attribute_group **groups)
{
	for (int i = 0; groups && groups[i]; i++)
		sysfs_remove_group(kobj, groups[i]);
}
EXPORT_SYMBOL(sysfs_remove_groups);

int sysfs_create_mount_point(struct kobject *parent, const char *name)
{
	if (!parent->sd)
		return -ENOENT;
	return simple_create_node(parent->sd, name, S_IFDIR | 0755, 0, NULL,
				  NULL, NULL);
}
EXPORT_SYMBOL(sysfs_create_mount_point);

void sysfs_remove_mount_point(struct kobject *parent, const char *name)
{
	struct qstr q = { .name = name, .len = strlen(name) };
	struct dentry *d;

	vfs_lock_acquire();
	d = parent->sd ? d_lookup(parent->sd, &q) : NULL;
	if (d)
		dget(d);
	vfs_lock_release();
	if (!d)
		return;
	simple_remove(d);
	vfs_lock_acquire();
	dput(d);
	vfs_lock_release();
}
EXPORT_SYMBOL(sysfs_remove_mount_point);

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, ap);
	va_end(ap);
	return len;
}
EXPORT_SYMBOL(sysfs_emit);

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (at < 0 || (size_t)at >= PAGE_SIZE)
		return 0;
	va_start(ap, fmt);
	len = vscnprintf(buf + at, PAGE_SIZE - at, fmt, ap);
	va_end(ap);
	return len;
}
EXPORT_SYMBOL(sysfs_emit_at);
