/*
 * Character devices: the regions of device numbers drivers claim, and the
 * map from a number to the cdev that serves it.  Opening a character
 * device inode lands in chrdev_open(), which hands the file over to the
 * driver's file_operations, owner module and all, as Linux's fs/char_dev.c.
 */
#include <kernel/cdev.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/slab.h>

/* A claimed range of minors of one major (Linux's char_device_struct). */
struct chrdev_region {
	struct list_head list; /* in chrdev_regions, by major then minor */
	unsigned int major;
	unsigned int baseminor;
	unsigned int minorct;
	const char *name;
	struct cdev *cdev; /* register_chrdev()'s own */
};

/* Both lists change under chrdevs_lock; the map is searched under it. */
static struct mutex chrdevs_lock = MUTEX_INITIALIZER(chrdevs_lock);
static LIST_HEAD(chrdev_regions);
static LIST_HEAD(cdev_map); /* newest first: it hides older overlaps */

static void chrdevs_lock_acquire(void)
{
	mutex_lock_at(&chrdevs_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}

static void chrdevs_lock_release(void)
{
	mutex_unlock_at(&chrdevs_lock, _THIS_IP_);
}

static bool major_in_use(unsigned int major)
{
	struct chrdev_region *r;

	list_for_each_entry(r, &chrdev_regions, list)
		if (r->major == major)
			return true;
	return false;
}

/* The highest free major of the two dynamic ranges, or -EBUSY. */
static int find_dynamic_major(void)
{
	unsigned int major;

	for (major = CHRDEV_MAJOR_DYN_START; major >= CHRDEV_MAJOR_DYN_END;
	     major--)
		if (!major_in_use(major))
			return (int)major;
	for (major = CHRDEV_MAJOR_DYN_EXT_START;
	     major >= CHRDEV_MAJOR_DYN_EXT_END; major--)
		if (!major_in_use(major))
			return (int)major;
	return -EBUSY;
}

/* Insert @new in order, or -EBUSY if its minors overlap a region's. */
static int region_insert(struct chrdev_region *new)
{
	struct chrdev_region *r;

	list_for_each_entry(r, &chrdev_regions, list) {
		if (r->major < new->major ||
		    (r->major == new->major &&
		     r->baseminor + r->minorct <= new->baseminor))
			continue;
		if (r->major == new->major &&
		    r->baseminor < new->baseminor + new->minorct)
			return -EBUSY;
		break;
	}
	list_add_tail(&new->list, &r->list); /* before r, or at the end */
	return 0;
}

/* Claim one major's range (major 0: a dynamic one) into *@out: 0, or
 * -EINVAL (out of range, with Linux's messages), -EBUSY or -ENOMEM. */
static int region_claim(unsigned int major, unsigned int baseminor,
			unsigned int minorct, const char *name,
			struct chrdev_region **out)
{
	struct chrdev_region *cd;
	int ret;

	if (major >= CHRDEV_MAJOR_MAX) {
		pr_err("CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)\n",
		       name, major, CHRDEV_MAJOR_MAX - 1);
		return -EINVAL;
	}
	if (minorct > MINORMASK + 1 - baseminor) {
		pr_err("CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major\n",
		       name, baseminor, baseminor + minorct - 1, 0, MINORMASK);
		return -EINVAL;
	}
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	*cd = (struct chrdev_region){ .major = major,
				      .baseminor = baseminor,
				      .minorct = minorct,
				      .name = name };
	chrdevs_lock_acquire();
	ret = major ? 0 : find_dynamic_major();
	if (ret < 0) {
		pr_err("CHRDEV \"%s\" dynamic allocation region is full\n",
		       name);
	} else {
		if (!major)
			cd->major = (unsigned int)ret;
		ret = region_insert(cd);
	}
	chrdevs_lock_release();
	if (ret < 0) {
		kfree(cd);
		return ret;
	}
	*out = cd;
	return 0;
}

/* Take the region of exactly these numbers out of the list; or NULL. */
static struct chrdev_region *
region_release(unsigned int major, unsigned int baseminor, unsigned int minorct)
{
	struct chrdev_region *r, *found = NULL;

	chrdevs_lock_acquire();
	list_for_each_entry(r, &chrdev_regions, list) {
		if (r->major == major && r->baseminor == baseminor &&
		    r->minorct == minorct) {
			list_del(&r->list);
			found = r;
			break;
		}
	}
	chrdevs_lock_release();
	return found;
}

/* The first number of the major after @n's, but no further than @to. */
static dev_t next_major(dev_t n, dev_t to)
{
	dev_t next = MKDEV(MAJOR(n) + 1, 0);

	return next > to ? to : next;
}

void unregister_chrdev_region(dev_t from, unsigned int count)
{
	dev_t to = from + count, n;

	for (n = from; n < to; n = next_major(n, to))
		kfree(region_release(MAJOR(n), MINOR(n),
				     next_major(n, to) - n));
}
EXPORT_SYMBOL(unregister_chrdev_region);

int register_chrdev_region(dev_t from, unsigned int count, const char *name)
{
	struct chrdev_region *cd;
	dev_t to = from + count, n;
	int ret = 0;

	for (n = from; n < to; n = next_major(n, to)) {
		ret = region_claim(MAJOR(n), MINOR(n), next_major(n, to) - n,
				   name, &cd);
		if (ret)
			break;
	}
	if (!ret)
		return 0;
	/* Give back the majors' ranges claimed before the one refused. */
	unregister_chrdev_region(from, n - from);
	return ret;
}
EXPORT_SYMBOL(register_chrdev_region);

int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name)
{
	struct chrdev_region *cd;
	int ret = region_claim(0, baseminor, count, name, &cd);

	if (ret)
		return ret;
	*dev = MKDEV(cd->major, cd->baseminor);
	return 0;
}
EXPORT_SYMBOL(alloc_chrdev_region);

int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops)
{
	struct chrdev_region *cd;
	struct cdev *cdev;
	int ret = region_claim(major, baseminor, count, name, &cd);

	if (ret)
		return ret;
	cdev = cdev_alloc();
	if (!cdev) {
		kfree(region_release(cd->major, baseminor, count));
		return -ENOMEM;
	}
	cdev->owner = fops->owner;
	cdev->ops = fops;
	cdev_add(cdev, MKDEV(cd->major, baseminor), count);
	cd->cdev = cdev;
	return major ? 0 : (int)cd->major;
}
EXPORT_SYMBOL(__register_chrdev);

void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name)
{
	struct chrdev_region *cd = region_release(major, baseminor, count);

	if (cd && cd->cdev)
		cdev_del(cd->cdev);
	kfree(cd);
}
EXPORT_SYMBOL(__unregister_chrdev);

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	*cdev = (struct cdev){ .ops = fops };
	INIT_LIST_HEAD(&cdev->list);
}
EXPORT_SYMBOL(cdev_init);

struct cdev *cdev_alloc(void)
{
	struct cdev *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (p) {
		INIT_LIST_HEAD(&p->list);
		p->allocated = true;
	}
	return p;
}
EXPORT_SYMBOL(cdev_alloc);

int cdev_add(struct cdev *p, dev_t dev, unsigned int count)
{
	p->dev = dev;
	p->count = count;
	chrdevs_lock_acquire();
	list_add(&p->list, &cdev_map);
	chrdevs_lock_release();
	return 0;
}
EXPORT_SYMBOL(cdev_add);

void cdev_del(struct cdev *p)
{
	chrdevs_lock_acquire();
	if (!list_empty(&p->list))
		list_del_init(&p->list);
	chrdevs_lock_release();
	if (p->allocated)
		kfree(p);
}
EXPORT_SYMBOL(cdev_del);

/* The operations of the cdev serving @inode's number, their owner held,
 * and the cdev in i_cdev (drivers find their own structure around it, as
 * on Linux); or NULL.  Under the lock, so cdev_del() cannot free the cdev
 * meanwhile. */
static const struct file_operations *cdev_fops_get(struct inode *inode)
{
	const struct file_operations *fops = NULL;
	dev_t dev = inode->i_rdev;
	struct cdev *p;

	chrdevs_lock_acquire();
	list_for_each_entry(p, &cdev_map, list) {
		if (dev >= p->dev && dev - p->dev < p->count) {
			fops = fops_get(p->ops);
			inode->i_cdev = p;
			break;
		}
	}
	chrdevs_lock_release();
	return fops;
}

/* excerpt: chrdev-open */
static int chrdev_open(struct inode *inode, struct file *filp)
{
	const struct file_operations *fops = cdev_fops_get(inode);

	if (!fops)
		return -ENXIO;
	replace_fops(filp, fops);
	return filp->f_op->open ? filp->f_op->open(inode, filp) : 0;
}
/* excerpt-end: chrdev-open */

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
	.llseek = noop_llseek,
};
EXPORT_SYMBOL(def_chr_fops);

void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev)
{
	inode->i_mode = mode;
	if (S_ISCHR(mode)) {
		inode->i_fop = &def_chr_fops;
		inode->i_rdev = rdev;
	}
}
EXPORT_SYMBOL(init_special_inode);
