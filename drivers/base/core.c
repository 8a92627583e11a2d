/*
 * Classes and devices: the part of Linux's driver core that gives a
 * device number a name and a node in /dev.  A class lists its devices;
 * device_create() names one and asks devtmpfs for its node,
 * device_destroy() takes both away.
 */
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>
#include <kernel/string.h>

/* The classes and each one's devices change under devices_lock. */
static struct mutex devices_lock = MUTEX_INITIALIZER(devices_lock);
static LIST_HEAD(classes);

static void devices_lock_acquire(void)
{
	mutex_lock_at(&devices_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

static void devices_lock_release(void)
{
	mutex_unlock_at(&devices_lock, _THIS_IP_);
}

int class_register(struct class *cls)
{
	struct class *c;
	int ret = 0;

	INIT_LIST_HEAD(&cls->devices);
	devices_lock_acquire();
	list_for_each_entry(c, &classes, node)
		if (!strcmp(c->name, cls->name))
			ret = -EEXIST;
	if (!ret)
		list_add_tail(&cls->node, &classes);
	devices_lock_release();
	if (ret)
		pr_err("class '%s' already registered\n", cls->name);
	return ret;
}
EXPORT_SYMBOL(class_register);

void class_unregister(struct class *cls)
{
	devices_lock_acquire();
	if (!list_empty(&cls->devices))
		pr_warn("class '%s' unregistered with its devices still there\n",
			cls->name);
	list_del(&cls->node);
	devices_lock_release();
}
EXPORT_SYMBOL(class_unregister);

struct class *class_create(struct module *owner, const char *name)
{
	struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);
	int ret;

	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	cls->owner = owner;
	ret = class_register(cls);
	if (ret) {
		kfree(cls);
		return ERR_PTR(ret);
	}
	return cls;
}
EXPORT_SYMBOL(class_create);

void class_destroy(struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	class_unregister(cls);
	kfree(cls);
}
EXPORT_SYMBOL(class_destroy);

/* @cls's device called @name or numbered @devt (0 matches none); under
 * devices_lock. */
static struct device *class_find(struct class *cls, const char *name,
				 dev_t devt)
{
	struct device *dev;

	list_for_each_entry(dev, &cls->devices, class_node)
		if ((name && !strcmp(dev->name, name)) ||
		    (devt && dev->devt == devt))
			return dev;
	return NULL;
}

/* Add @dev to its class, then give it a node: 0 or -EEXIST. */
static int device_add(struct device *dev)
{
	struct class *cls = dev->class;
	int ret = 0;

	devices_lock_acquire();
	if (class_find(cls, dev->name, dev->devt))
		ret = -EEXIST;
	else
		list_add_tail(&dev->class_node, &cls->devices);
	devices_lock_release();
	if (ret) {
		pr_err("%s: class '%s' already has a device '%s' or %u:%u\n",
		       __func__, cls->name, dev->name, MAJOR(dev->devt),
		       MINOR(dev->devt));
		return ret;
	}
	if (dev->devt) {
		/* As Linux, a device without its node is still a device;
		 * devtmpfs has said why the node is missing. */
		devtmpfs_create_node(dev);
	}
	return 0;
}

static struct device *device_create_vargs(struct class *cls,
					  struct device *parent, dev_t devt,
					  void *drvdata, const char *fmt,
					  va_list ap)
{
	struct device *dev;
	int n, ret;

	if (IS_ERR_OR_NULL(cls))
		return ERR_PTR(-ENODEV);
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	*dev = (struct device){ .parent = parent,
				.class = cls,
				.devt = devt,
				.driver_data = drvdata };
	n = vsnprintf(dev->name, sizeof(dev->name), fmt, ap);
	if (n <= 0 || (size_t)n >= sizeof(dev->name) ||
	    strchr(dev->name, '/')) {
		pr_err("%s: class '%s': bad device name '%s'\n", __func__,
		       cls->name, dev->name);
		ret = -EINVAL;
	} else {
		ret = device_add(dev);
	}
	if (ret) {
		kfree(dev);
		return ERR_PTR(ret);
	}
	return dev;
}

struct device *device_create(struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
{
	struct device *dev;
	va_list ap;

	va_start(ap, fmt);
	dev = device_create_vargs(cls, parent, devt, drvdata, fmt, ap);
	va_end(ap);
	return dev;
}
EXPORT_SYMBOL(device_create);

void device_destroy(struct class *cls, dev_t devt)
{
	struct device *dev;

	devices_lock_acquire();
	dev = devt ? class_find(cls, NULL, devt) : NULL;
	if (dev)
		list_del(&dev->class_node);
	devices_lock_release();
	if (!dev)
		return;
	devtmpfs_delete_node(dev);
	kfree(dev);
}
EXPORT_SYMBOL(device_destroy);
