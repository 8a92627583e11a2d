/*
 * In-kernel tests of character device numbers and cdevs: fixed and
 * dynamic regions with Linux's majors, refusals of overlaps and of
 * numbers out of range, register_chrdev(), and an open of a device node
 * dispatched to the cdev of its number with the owner module held
 * (-ENXIO where no cdev serves it).
 */
#include <kernel/cdev.h>
#include <kernel/device.h>
#include <kernel/errno.h>
#include <kernel/ktest.h>
#include <kernel/module.h>
#include <kernel/string.h>

#define TEST_MAJOR 120 /* Linux's "local/experimental use" range */

static struct module fake_owner = { .name = "char_dev_owner" };
static int opens;

static int counting_open(struct inode *inode, struct file *file)
{
	opens++;
	file->private_data = inode->i_cdev;
	return 0;
}

static const struct file_operations counting_fops = {
	.owner = &fake_owner,
	.open = counting_open,
};

static void fixed_regions_and_overlaps(struct ktest *t)
{
	dev_t a = MKDEV(TEST_MAJOR, 10);

	KT_EXPECT_EQ(t, register_chrdev_region(a, 10, "t_a"), 0);
	/* Any minor shared with [10, 20) is taken. */
	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(TEST_MAJOR, 19), 1, "b"),
		     -EBUSY);
	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(TEST_MAJOR, 5), 6, "b"),
		     -EBUSY);
	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(TEST_MAJOR, 0), 100, "b"),
		     -EBUSY);
	/* Next to it is free. */
	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(TEST_MAJOR, 20), 5, "c"),
		     0);
	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(TEST_MAJOR, 0), 10, "d"),
		     0);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 0), 10);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 20), 5);
	unregister_chrdev_region(a, 10);
	/* All given back: the whole major can be claimed again. */
	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(TEST_MAJOR, 0), 256, "e"),
		     0);
	unregister_chrdev_region(MKDEV(TEST_MAJOR, 0), 256);
}

static void out_of_range_refused(struct ktest *t)
{
	int before = ktest_log_count("CHRDEV \"big\" major requested (512)");

	KT_EXPECT_EQ(t, register_chrdev_region(MKDEV(512, 0), 1, "big"),
		     -EINVAL);
	KT_EXPECT_EQ(t, ktest_log_count("CHRDEV \"big\" major requested (512)"),
		     before + 1);
	KT_EXPECT_EQ(t,
		     __register_chrdev(TEST_MAJOR, MINORMASK, 2, "wide",
				       &counting_fops),
		     -EINVAL);
	KT_EXPECT(t,
		  ktest_log_count("CHRDEV \"wide\" minor range requested") > 0);
}

/* A range over two majors is claimed whole, or not at all. */
static void range_across_majors(struct ktest *t)
{
	dev_t from = MKDEV(TEST_MAJOR, MINORMASK - 1);

	KT_EXPECT_EQ(t, register_chrdev_region(from, 4, "across"), 0);
	KT_EXPECT_EQ(t,
		     register_chrdev_region(MKDEV(TEST_MAJOR + 1, 1), 1, "x"),
		     -EBUSY);
	unregister_chrdev_region(from, 4);
	KT_EXPECT_EQ(t,
		     register_chrdev_region(MKDEV(TEST_MAJOR + 1, 1), 1, "x"),
		     0);
	/* Refused in the second major: the first's part is given back. */
	KT_EXPECT_EQ(t, register_chrdev_region(from, 4, "across"), -EBUSY);
	KT_EXPECT_EQ(t, register_chrdev_region(from, 2, "first"), 0);
	unregister_chrdev_region(from, 2);
	unregister_chrdev_region(MKDEV(TEST_MAJOR + 1, 1), 1);
}

/* Dynamic majors: 254 down to 234, then 511 down to 384, as Linux. */
static void dynamic_majors(struct ktest *t)
{
	enum { N = 21 + 128 }; /* both ranges */
	dev_t devs[N], extra;
	int i, n = 0;

	/* Nothing built in takes a dynamic major: each comes in order. */
	for (i = 0; i < N; i++) {
		if (alloc_chrdev_region(&devs[i], 3, 2, "dyn"))
			break;
		n++;
		KT_EXPECT_EQ(t, MINOR(devs[i]), 3);
		KT_EXPECT_EQ(t, MAJOR(devs[i]),
			     i <= 20 ? CHRDEV_MAJOR_DYN_START - i :
				       CHRDEV_MAJOR_DYN_EXT_START + 21 - i);
	}
	KT_EXPECT_EQ(t, n, N);
	KT_EXPECT_EQ(t, MAJOR(devs[N - 1]), CHRDEV_MAJOR_DYN_EXT_END);
	KT_EXPECT_EQ(t, alloc_chrdev_region(&extra, 0, 1, "one_too_many"),
		     -EBUSY);
	KT_EXPECT_EQ(t,
		     ktest_log_count(
			     "CHRDEV \"one_too_many\" dynamic allocation region is full"),
		     1);
	for (i = 0; i < n; i++)
		unregister_chrdev_region(devs[i], 2);
	/* Given back, the first is free again. */
	KT_EXPECT_EQ(t, alloc_chrdev_region(&devs[0], 0, 1, "dyn"), 0);
	KT_EXPECT_EQ(t, MAJOR(devs[0]), CHRDEV_MAJOR_DYN_START);
	unregister_chrdev_region(devs[0], 1);
}

/* Open @path: 0 and the file in *@f, or the error. */
static int open_dev(const char *path, struct file **f)
{
	return file_open_name(path, O_RDONLY, 0, f);
}

static struct class test_class = { .name = "char_dev_test" };

/* register_chrdev(0, ...) gives a major; its node opens into the fops,
 * the owner held while open; a number without a cdev is -ENXIO. */
static void open_dispatch_and_enxio(struct ktest *t)
{
	struct device *dev, *none;
	struct file *f;
	int major;

	fake_owner.state = MODULE_STATE_LIVE;
	opens = 0;
	major = register_chrdev(0, "counting", &counting_fops);
	KT_EXPECT_EQ(t, major, CHRDEV_MAJOR_DYN_START);
	KT_EXPECT_EQ(t, class_register(&test_class), 0);
	dev = device_create(&test_class, NULL, MKDEV(major, 7), NULL, "cdt%d",
			    7);
	none = device_create(&test_class, NULL, MKDEV(TEST_MAJOR, 1), NULL,
			     "cdt_none");
	KT_EXPECT(t, !IS_ERR(dev) && !IS_ERR(none));
	KT_EXPECT_EQ(t, open_dev("/dev/cdt7", &f), 0);
	KT_EXPECT_EQ(t, opens, 1);
	KT_EXPECT(t, f->f_op == &counting_fops);
	KT_EXPECT(t, f->private_data != NULL); /* i_cdev: register's own */
	KT_EXPECT_EQ(t, fake_owner.refcount, 1);
	filp_close(f);
	KT_EXPECT_EQ(t, fake_owner.refcount, 0);
	KT_EXPECT_EQ(t, open_dev("/dev/cdt_none", &f), -ENXIO);
	/* An owner going away cannot be opened into. */
	fake_owner.state = MODULE_STATE_GOING;
	KT_EXPECT_EQ(t, open_dev("/dev/cdt7", &f), -ENXIO);
	fake_owner.state = MODULE_STATE_LIVE;
	unregister_chrdev(major, "counting");
	KT_EXPECT_EQ(t, open_dev("/dev/cdt7", &f), -ENXIO);
	KT_EXPECT_EQ(t, opens, 1);
	device_destroy(&test_class, MKDEV(major, 7));
	device_destroy(&test_class, MKDEV(TEST_MAJOR, 1));
	class_unregister(&test_class);
}

/* cdev_init + cdev_add over part of a region; cdev_del unmaps it. */
static void cdev_add_and_del(struct ktest *t)
{
	struct cdev c, *later = cdev_alloc();
	dev_t base = MKDEV(TEST_MAJOR, 0);
	struct file *f;

	fake_owner.state = MODULE_STATE_LIVE;
	KT_EXPECT_EQ(t, register_chrdev_region(base, 4, "cdevs"), 0);
	cdev_init(&c, &counting_fops);
	c.owner = &fake_owner;
	KT_EXPECT_EQ(t, cdev_add(&c, base + 1, 2), 0);
	KT_EXPECT_EQ(t, class_register(&test_class), 0);
	for (int minor = 0; minor < 4; minor++)
		device_create(&test_class, NULL, base + minor, NULL, "cdv%d",
			      minor);
	opens = 0;
	KT_EXPECT_EQ(t, open_dev("/dev/cdv0", &f), -ENXIO);
	KT_EXPECT_EQ(t, open_dev("/dev/cdv2", &f), 0);
	KT_EXPECT(t, f->private_data == &c); /* container_of() finds it */
	filp_close(f);
	KT_EXPECT_EQ(t, open_dev("/dev/cdv3", &f), -ENXIO);
	/* A later cdev over the same numbers is found first. */
	KT_EXPECT(t, later != NULL);
	cdev_init(later, &counting_fops);
	KT_EXPECT_EQ(t, cdev_add(later, base + 2, 1), 0);
	KT_EXPECT_EQ(t, open_dev("/dev/cdv2", &f), 0);
	KT_EXPECT(t, f->private_data == later);
	filp_close(f);
	cdev_del(later); /* freed: it came from cdev_alloc() */
	KT_EXPECT_EQ(t, open_dev("/dev/cdv2", &f), 0);
	KT_EXPECT(t, f->private_data == &c);
	filp_close(f);
	cdev_del(&c);
	KT_EXPECT_EQ(t, open_dev("/dev/cdv1", &f), -ENXIO);
	KT_EXPECT_EQ(t, opens, 3);
	for (int minor = 0; minor < 4; minor++)
		device_destroy(&test_class, base + minor);
	class_unregister(&test_class);
	unregister_chrdev_region(base, 4);
}

KTEST_SUITE(char_dev, KTEST_CASE(fixed_regions_and_overlaps),
	    KTEST_CASE(out_of_range_refused), KTEST_CASE(range_across_majors),
	    KTEST_CASE(dynamic_majors), KTEST_CASE(open_dispatch_and_enxio),
	    KTEST_CASE(cdev_add_and_del));
