/*
 * The device model, kept to what /dev needs (drivers/base/): classes of
 * devices, devices with a number, and their nodes in devtmpfs, mounted on
 * /dev; and misc devices, which share major 10 (drivers/char/misc.c).
 * The functions have Linux's names and return conventions (ERR_PTR).
 */
#ifndef KERNEL_DEVICE_H
#define KERNEL_DEVICE_H

#include <kernel/err.h>
#include <kernel/fs.h>
#include <kernel/list.h>

/* The fixed majors (Linux's include/uapi/linux/major.h). */
#define MEM_MAJOR 1    /* null, zero, full, kmsg */
#define TTYAUX_MAJOR 5 /* console */
#define MISC_MAJOR 10

#define DEVICE_NAME_MAX 64 /* bytes of a device's name, its NUL included */

struct device;

/* A kind of device ("mem", "misc", a driver's own), as /sys/class lists. */
struct class
{
	const char *name;
	struct module *owner;
	/* A node's name under /dev (NULL: the device's) and its mode (left
	 * 0: 0600); a returned name is kfree()d after use. */
	char *(*devnode)(struct device *dev, umode_t *mode);
	struct list_head node;	  /* in the list of classes */
	struct list_head devices; /* of struct device, by class_node */
};

struct device {
	struct device *parent;
	struct class *class;
	dev_t devt; /* 0: no node in /dev */
	void *driver_data;
	char name[DEVICE_NAME_MAX];
	struct list_head class_node;
	struct dentry *node; /* in devtmpfs, or NULL */
};

/*
 * class_create - a new class @name of module @owner (Linux 6.1 takes
 * both), or ERR_PTR(-EEXIST) if one has that name, ERR_PTR(-ENOMEM).
 * class_register - the same for a class the caller has filled.
 * class_destroy/class_unregister - take it away (its devices must be
 * destroyed first); an ERR_PTR or NULL is ignored.  All may sleep.
 */
struct class *class_create(struct module *owner, const char *name);
int class_register(struct class *cls);
void class_destroy(struct class *cls);
void class_unregister(struct class *cls);

/*
 * device_create - a device of @cls named by the printf format @fmt, with
 * number @devt (a node /dev/<name> if not 0) and driver data @drvdata.
 * The device, or ERR_PTR(-EEXIST) if @cls has a device of that name or
 * number, ERR_PTR(-EINVAL) for a name with '/' or none, ERR_PTR(-ENOMEM).
 * device_destroy - remove @cls's device numbered @devt and its node.
 * Both may sleep.
 */
struct device *device_create(struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...)
	__printf(5, 6);
void device_destroy(struct class *cls, dev_t devt);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

/* What Linux's dev_*() messages name first: here, the class. */
static inline const char *dev_driver_string(const struct device *dev)
{
	return dev->class ? dev->class->name : "";
}

/*
 * devtmpfs_create_node - make @dev's node in /dev (a character device of
 * the mode its class gives): 0 or -EEXIST, -EINVAL, -ENOMEM.
 * devtmpfs_delete_node - remove it; files open on it stay usable.
 * Both may sleep; the device core calls them.
 */
int devtmpfs_create_node(struct device *dev);
void devtmpfs_delete_node(struct device *dev);

/* Misc devices: major 10, a minor each (drivers/char/misc.c). */
#define MISC_DYNAMIC_MINOR 255
#define MISC_DYNAMIC_MINORS 128 /* given from 127 down, as Linux 6.1 */

struct miscdevice {
	int minor; /* MISC_DYNAMIC_MINOR: misc_register() picks one */
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const char *nodename; /* its node's name under /dev, if not name */
	umode_t mode;	      /* its node's mode, if not 0600 */
};

/*
 * misc_register - give @misc a minor (its own, or a dynamic one written
 * back to ->minor) and a node /dev/<name>; opening it calls ->fops->open
 * with file->private_data set to @misc.  0, -EBUSY if the minor is taken
 * or none is free, -EEXIST for a taken name, -ENOMEM.
 * misc_deregister - undo it.  Both may sleep.
 */
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif
