/*
 * devtmpfs: a file system of device nodes, one for each device with a
 * number, made and removed by the driver core as devices come and go, as
 * Linux's.  Built with libfs on its own kern_mount() before any driver
 * registers, and mounted on /dev once the root is there.
 */
#include <kernel/cdev.h>
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/printk.h>
#include <kernel/slab.h>

#define DEVTMPFS_DEFAULT_MODE 0600 /* Linux's, for a class without devnode */

static struct file_system_type devtmpfs_type = {
	.name = "devtmpfs",
	.fs_flags = FS_SINGLE,
	.fill_super = simple_fill_super,
	.kill_sb = kill_litter_super,
};

static struct vfsmount *devtmpfs_mnt;

/* excerpt: devtmpfs-create-node */
int devtmpfs_create_node(struct device *dev)
{
	umode_t mode = 0;
	char *tmp = NULL;
	const char *name = dev->name;
	int ret;

	if (!devtmpfs_mnt)
		return -ENODEV;
	if (dev->class->devnode)
		tmp = dev->class->devnode(dev, &mode);
	if (tmp)
		name = tmp;
	if (!mode)
		mode = DEVTMPFS_DEFAULT_MODE;
	ret = simple_create_node(devtmpfs_mnt->mnt_root, name,
				 S_IFCHR | (mode & 07777), dev->devt,
				 &def_chr_fops, NULL, &dev->node);
	if (ret) {
		pr_err("devtmpfs: cannot create /dev/%s for %u:%u: error %d\n",
		       name, MAJOR(dev->devt), MINOR(dev->devt), ret);
		dev->node = NULL;
	}
	kfree(tmp);
	return ret;
}
/* excerpt-end: devtmpfs-create-node */

void devtmpfs_delete_node(struct device *dev)
{
	simple_remove(dev->node);
	dev->node = NULL;
}

/* Before any driver's class or device: postcore, as Linux's driver_init()
 * makes devtmpfs before the initcalls. */
static int __init devtmpfs_init(void)
{
	int ret = register_filesystem(&devtmpfs_type);

	if (!ret)
		ret = kern_mount(&devtmpfs_type, &devtmpfs_mnt);
	if (ret)
		pr_err("devtmpfs: unable to create devtmpfs %d\n", ret);
	return ret;
}
postcore_initcall(devtmpfs_init);

/* On /dev once the root is mounted, before the boot-time modules load
 * (late_initcall_sync); the nodes made so far are already there. */
static int __init devtmpfs_mount(void)
{
	int ret = vfs_mount_at("devtmpfs", "/dev");

	if (!ret)
		pr_info("devtmpfs: mounted\n");
	return ret;
}
late_initcall(devtmpfs_mount);
