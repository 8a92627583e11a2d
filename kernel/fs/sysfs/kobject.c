/*
 * kobjects: a name, a parent, a reference count and a directory in /sys.
 * The last kobject_put() takes the directory and its files away (waiting
 * for reads and writes in progress) and only then calls the ktype's
 * release, so that no file outlives the object it shows.
 */
#include "internal.h"

#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
	if (!kobj || !ktype) {
		pr_err("kobject (%p): must have a ktype to be initialized properly!\n",
		       kobj);
		return;
	}
	if (kobj->state_initialized)
		pr_err("kobject (%p): tried to init an initialized object, something is seriously wrong.\n",
		       kobj);
	kref_init(&kobj->kref);
	INIT_LIST_HEAD(&kobj->sd_files);
	kobj->ktype = ktype;
	kobj->state_initialized = true;
	kobj->state_in_sysfs = false;
}
EXPORT_SYMBOL(kobject_init);

/* The name from @fmt, kmalloc'd; the old one freed. */
static int kobject_set_name_vargs(struct kobject *kobj, const char *fmt,
				  va_list ap)
{
	va_list again;
	char *name;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	name = kmalloc(len + 1, GFP_KERNEL);
	if (!name)
		return -ENOMEM;
	vsnprintf(name, len + 1, fmt, ap);
	if (!*name) {
		pr_err("kobject: (%p): attempted to be registered with empty name!\n",
		       kobj);
		kfree(name);
		return -EINVAL;
	}
	/* A '/' cannot be in a file name: Linux makes it '!' ("sda!1"). */
	for (char *p = name; (p = strchr(p, '/'));)
		*p = '!';
	kfree(kobj->name);
	kobj->name = name;
	return 0;
}

/* Its directory in its parent's, then the ktype's default files. */
static int kobject_add_internal(struct kobject *kobj)
{
	struct dentry *dir = kobj->parent ? kobj->parent->sd : sysfs_root;
	int ret = dir ? simple_create_node(dir, kobj->name, S_IFDIR | 0755, 0,
					   NULL, NULL, &kobj->sd) :
			-ENOENT;

	if (!ret) {
		kobj->state_in_sysfs = true;
		ret = sysfs_create_groups(kobj, kobj->ktype->default_groups);
		if (ret)
			kobject_del(kobj);
	}
	if (ret == -EEXIST)
		pr_err("kobject: '%s': a kobject of that name is in %s already, don't try to register things with the same name in the same directory.\n",
		       kobj->name,
		       kobj->parent ? kobject_name(kobj->parent) : "/sys");
	else if (ret)
		pr_err("kobject_add_internal failed for %s (error: %d)\n",
		       kobj->name, ret);
	return ret;
}

static int kobject_add_varg(struct kobject *kobj, struct kobject *parent,
			    const char *fmt, va_list ap)
{
	int ret;

	if (!kobj->state_initialized) {
		pr_err("kobject '%s' (%p): tried to add an uninitialized object, something is seriously wrong.\n",
		       kobj->name ? kobj->name : "(null)", kobj);
		return -EINVAL;
	}
	if (kobj->state_in_sysfs)
		return -EINVAL;
	ret = kobject_set_name_vargs(kobj, fmt, ap);
	if (ret)
		return ret;
	kobj->parent = kobject_get(parent);
	ret = kobject_add_internal(kobj);
	if (ret) {
		kobject_put(kobj->parent);
		kobj->parent = NULL;
	}
	return ret;
}

int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt,
		...)
{
	va_list ap;
	int ret;

	if (!kobj)
		return -EINVAL;
	va_start(ap, fmt);
	ret = kobject_add_varg(kobj, parent, fmt, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL(kobject_add);

int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...)
{
	va_list ap;
	int ret;

	kobject_init(kobj, ktype);
	if (!kobj || !ktype)
		return -EINVAL;
	va_start(ap, fmt);
	ret = kobject_add_varg(kobj, parent, fmt, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL(kobject_init_and_add);

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj)
		kref_get(&kobj->kref);
	return kobj;
}
EXPORT_SYMBOL(kobject_get);

void kobject_del(struct kobject *kobj)
{
	struct kobject *parent;

	if (!kobj || !kobj->state_in_sysfs)
		return;
	sysfs_remove_all(kobj);
	simple_remove(kobj->sd);
	kobj->sd = NULL;
	kobj->state_in_sysfs = false;
	parent = kobj->parent;
	kobj->parent = NULL;
	kobject_put(parent);
}
EXPORT_SYMBOL(kobject_del);

static void kobject_release(struct kref *kref)
{
	struct kobject *kobj = container_of(kref, struct kobject, kref);
	const char *name = kobj->name; /* release may free @kobj */

	kobject_del(kobj);
	if (kobj->ktype->release)
		kobj->ktype->release(kobj);
	else
		pr_err("kobject: '%s' (%p): does not have a release() function, it is broken and must be fixed.\n",
		       name ? name : "(null)", kobj);
	kfree(name);
}

void kobject_put(struct kobject *kobj)
{
	if (!kobj)
		return;
	if (!kobj->state_initialized) {
		pr_err("kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
		       kobj->name ? kobj->name : "(null)", kobj);
		return;
	}
	kref_put(&kobj->kref, kobject_release);
}
EXPORT_SYMBOL(kobject_put);

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr,
			      char *buf)
{
	struct kobj_attribute *kattr =
		container_of(attr, struct kobj_attribute, attr);

	return kattr->show ? kattr->show(kobj, kattr, buf) : -EIO;
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr,
			       const char *buf, size_t count)
{
	struct kobj_attribute *kattr =
		container_of(attr, struct kobj_attribute, attr);

	return kattr->store ? kattr->store(kobj, kattr, buf, count) : -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
	.show = kobj_attr_show,
	.store = kobj_attr_store,
};
EXPORT_SYMBOL(kobj_sysfs_ops);

static void dynamic_kobj_release(struct kobject *kobj)
{
	kfree(kobj);
}

static const struct kobj_type dynamic_kobj_ktype = {
	.release = dynamic_kobj_release,
	.sysfs_ops = &kobj_sysfs_ops,
};

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);

	if (!kobj)
		return NULL;
	if (kobject_init_and_add(kobj, &dynamic_kobj_ktype, parent, "%s",
				 name)) {
		kobject_put(kobj);
		return NULL;
	}
	return kobj;
}
EXPORT_SYMBOL(kobject_create_and_add);

struct kobject *kernel_kobj;
EXPORT_SYMBOL(kernel_kobj);

/* /sys/kernel, as Linux's ksysfs_init: after sysfs_init (link order). */
static int __init ksysfs_init(void)
{
	kernel_kobj = kobject_create_and_add("kernel", NULL);
	if (!kernel_kobj)
		panic("sysfs: cannot make /sys/kernel");
	return 0;
}
fs_initcall(ksysfs_init);
