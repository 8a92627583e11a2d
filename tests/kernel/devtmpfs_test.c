/*
 * In-kernel tests of /dev: nodes device_create() makes and
 * device_destroy() removes, with the class's mode (0600 by default),
 * classes and devices refused by name, and misc devices (fixed and
 * dynamic minors, -EBUSY for a taken one, private_data at open).
 */
#include <kernel/cdev.h>
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define TEST_MAJOR 121 /* Linux's "local/experimental use" range */

/* The mode and number of the node at @name; -ENOENT if there is none. */
static int node_at(const char *name, umode_t *mode, dev_t *rdev)
{
	struct path p;
	int ret = kern_path(name, 0, &p);

	if (ret)
		return ret;
	*mode = p.dentry->d_inode->i_mode;
	*rdev = p.dentry->d_inode->i_rdev;
	path_put(&p);
	return 0;
}

static char *odd_devnode(struct device *dev, umode_t *mode)
{
	*mode = 0640;
	return kstrdup("renamed_node", GFP_KERNEL);
}

static void nodes_come_and_go(struct ktest *t)
{
	struct class *cls = class_create(NULL, "devtmpfs_test");
	struct device *dev;
	umode_t mode = 0;
	dev_t rdev = 0;

	KT_EXPECT(t, !IS_ERR(cls));
	if (IS_ERR(cls))
		return;
	KT_EXPECT(t, class_create(NULL, "devtmpfs_test") == ERR_PTR(-EEXIST));
	dev = device_create(cls, NULL, MKDEV(TEST_MAJOR, 4), &mode, "dt_%s",
			    "node");
	KT_EXPECT(t, !IS_ERR(dev));
	KT_EXPECT(t, dev_get_drvdata(dev) == &mode);
	KT_EXPECT(t, !strcmp(dev_name(dev), "dt_node"));
	KT_EXPECT_EQ(t, node_at("/dev/dt_node", &mode, &rdev), 0);
	KT_EXPECT_EQ(t, mode, S_IFCHR | 0600);
	KT_EXPECT_EQ(t, rdev, MKDEV(TEST_MAJOR, 4));
	/* A name or a number the class has already is refused. */
	KT_EXPECT(t, device_create(cls, NULL, MKDEV(TEST_MAJOR, 5), NULL,
				   "dt_node") == ERR_PTR(-EEXIST));
	KT_EXPECT(t, device_create(cls, NULL, MKDEV(TEST_MAJOR, 4), NULL,
				   "dt_other") == ERR_PTR(-EEXIST));
	KT_EXPECT(t, device_create(cls, NULL, MKDEV(TEST_MAJOR, 6), NULL,
				   "sub/dir") == ERR_PTR(-EINVAL));
	KT_EXPECT(t, device_create(ERR_PTR(-ENOMEM), NULL, 1, NULL, "x") ==
			     ERR_PTR(-ENODEV));
	device_destroy(cls, MKDEV(TEST_MAJOR, 4));
	KT_EXPECT_EQ(t, node_at("/dev/dt_node", &mode, &rdev), -ENOENT);
	/* The class names the node and gives its mode. */
	cls->devnode = odd_devnode;
	dev = device_create(cls, NULL, MKDEV(TEST_MAJOR, 9), NULL, "dt_n");
	KT_EXPECT_EQ(t, node_at("/dev/renamed_node", &mode, &rdev), 0);
	KT_EXPECT_EQ(t, mode, S_IFCHR | 0640);
	device_destroy(cls, MKDEV(TEST_MAJOR, 9));
	KT_EXPECT_EQ(t, node_at("/dev/renamed_node", &mode, &rdev), -ENOENT);
	class_destroy(cls);
	class_destroy(ERR_PTR(-ENOMEM)); /* ignored, as Linux */
}

/* The built-in devices' nodes, with Linux's numbers and modes. */
static void builtin_nodes(struct ktest *t)
{
	static const struct {
		const char *name;
		dev_t rdev;
		umode_t mode;
	} want[] = {
		{ "/dev/null", MKDEV(1, 3), 0666 },
		{ "/dev/zero", MKDEV(1, 5), 0666 },
		{ "/dev/full", MKDEV(1, 7), 0666 },
		{ "/dev/kmsg", MKDEV(1, 11), 0644 },
		{ "/dev/console", MKDEV(5, 1), 0600 },
	};
	umode_t mode = 0;
	dev_t rdev = 0;

	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		KT_EXPECT_EQ(t, node_at(want[i].name, &mode, &rdev), 0);
		KT_EXPECT_EQ(t, mode, S_IFCHR | want[i].mode);
		KT_EXPECT_EQ(t, rdev, want[i].rdev);
	}
}

static struct miscdevice *opened;

static int misc_test_open(struct inode *inode, struct file *file)
{
	opened = file->private_data;
	return 0;
}

static const struct file_operations misc_test_fops = {
	.open = misc_test_open,
};

static void misc_dynamic_and_fixed_minors(struct ktest *t)
{
	struct miscdevice a = { .minor = MISC_DYNAMIC_MINOR,
				.name = "misc_a",
				.fops = &misc_test_fops };
	struct miscdevice b = { .minor = MISC_DYNAMIC_MINOR,
				.name = "misc_b",
				.fops = &misc_test_fops };
	struct miscdevice c = { .minor = 200,
				.name = "misc_c",
				.fops = &misc_test_fops,
				.mode = 0644 };
	struct miscdevice c2 = { .minor = 200,
				 .name = "misc_c2",
				 .fops = &misc_test_fops };
	struct miscdevice dup = { .minor = MISC_DYNAMIC_MINOR,
				  .name = "misc_a",
				  .fops = &misc_test_fops };
	struct file *f;
	umode_t mode = 0;
	dev_t rdev = 0;

	KT_EXPECT_EQ(t, misc_register(&a), 0);
	KT_EXPECT_EQ(t, misc_register(&b), 0);
	KT_EXPECT_EQ(t, a.minor, MISC_DYNAMIC_MINORS - 1);
	KT_EXPECT_EQ(t, b.minor, MISC_DYNAMIC_MINORS - 2);
	KT_EXPECT_EQ(t, misc_register(&c), 0);
	KT_EXPECT_EQ(t, misc_register(&c2), -EBUSY);
	KT_EXPECT_EQ(t, misc_register(&dup), -EEXIST);
	KT_EXPECT_EQ(t, dup.minor, MISC_DYNAMIC_MINOR); /* given back */
	KT_EXPECT_EQ(t, node_at("/dev/misc_b", &mode, &rdev), 0);
	KT_EXPECT_EQ(t, rdev, MKDEV(MISC_MAJOR, b.minor));
	KT_EXPECT_EQ(t, mode, S_IFCHR | 0600);
	KT_EXPECT_EQ(t, node_at("/dev/misc_c", &mode, &rdev), 0);
	KT_EXPECT_EQ(t, mode, S_IFCHR | 0644);
	KT_EXPECT_EQ(t, file_open_name("/dev/misc_b", O_RDONLY, 0, &f), 0);
	KT_EXPECT(t, opened == &b && f->private_data == &b);
	filp_close(f);
	misc_deregister(&a);
	KT_EXPECT_EQ(t, node_at("/dev/misc_a", &mode, &rdev), -ENOENT);
	/* Its minor is free again, and the first a dynamic one gets. */
	a.minor = MISC_DYNAMIC_MINOR;
	KT_EXPECT_EQ(t, misc_register(&a), 0);
	KT_EXPECT_EQ(t, a.minor, MISC_DYNAMIC_MINORS - 1);
	misc_deregister(&a);
	misc_deregister(&b);
	misc_deregister(&c);
	KT_EXPECT_EQ(t, file_open_name("/dev/misc_b", O_RDONLY, 0, &f),
		     -ENOENT);
}

KTEST_SUITE(devtmpfs, KTEST_CASE(nodes_come_and_go), KTEST_CASE(builtin_nodes),
	    KTEST_CASE(misc_dynamic_and_fixed_minors));
