/*
 * Character devices (kernel/fs/char_dev.c): ranges of device numbers a
 * driver claims, and the cdevs that give those numbers their
 * file_operations.  Opening an S_IFCHR inode finds the cdev by i_rdev and
 * switches the file to the cdev's operations, as Linux's chrdev_open().
 */
#ifndef KERNEL_CDEV_H
#define KERNEL_CDEV_H

#include <kernel/fs.h>
#include <kernel/list.h>

/* Majors below this exist (Linux's CHRDEV_MAJOR_MAX). */
#define CHRDEV_MAJOR_MAX 512
/* Dynamic majors: 254 down to 234, then 511 down to 384, as Linux's. */
#define CHRDEV_MAJOR_DYN_START 254
#define CHRDEV_MAJOR_DYN_END 234
#define CHRDEV_MAJOR_DYN_EXT_START 511
#define CHRDEV_MAJOR_DYN_EXT_END 384
/* The minors register_chrdev() claims. */
#define CHRDEV_MINORS 256

/* A driver's device numbers [dev, dev + count) and their operations. */
struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list; /* in the map, while added */
	dev_t dev;
	unsigned int count;
	bool allocated; /* by cdev_alloc(): cdev_del() frees it */
};

/*
 * register_chrdev_region - claim the @count numbers from @from, which may
 * span majors, for @name.  0, or -EBUSY if any is taken (Linux's
 * message for a major or minor out of range, and -EINVAL).
 * alloc_chrdev_region - claim @count minors from @baseminor under a
 * dynamic major, given in *@dev: 0 or -EBUSY when none is free.
 * unregister_chrdev_region - give back what register_chrdev_region()
 * claimed.  All may sleep.
 */
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

/*
 * __register_chrdev - claim @count minors from @baseminor of @major (0:
 * a dynamic one) and give them @fops through a cdev of their own.
 * Returns the major when @major was 0, else 0; or -errno.
 * __unregister_chrdev - undo it.  register_chrdev/unregister_chrdev: the
 * same for minors 0 to 255.  All may sleep.
 */
int __register_chrdev(unsigned int major, unsigned int baseminor,
		      unsigned int count, const char *name,
		      const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor,
			 unsigned int count, const char *name);

static inline int register_chrdev(unsigned int major, const char *name,
				  const struct file_operations *fops)
{
	return __register_chrdev(major, 0, CHRDEV_MINORS, name, fops);
}

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, CHRDEV_MINORS, name);
}

/*
 * cdev_init - prepare @cdev (the driver's memory) with @fops.
 * cdev_alloc - a cdev of its own memory, or NULL; cdev_del frees it.
 * cdev_add - make @count numbers from @dev open through @p: 0 (a later
 * cdev over the same numbers hides an earlier one until it is deleted).
 * cdev_del - take @p out; files open on it keep their operations, and
 * their owner module.  cdev_add and cdev_del may sleep.
 */
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);

/*
 * def_chr_fops - every character device inode's operations until open:
 * its open (chrdev_open) finds the cdev of i_rdev, takes its operations
 * (and their owner module) and calls their open; -ENXIO, as Linux's, if
 * no cdev has the number or its owner is going away.
 * init_special_inode - make @inode a character device of @mode and
 * @rdev (other types keep their i_fop; FIFOs come with pipes).
 */
extern const struct file_operations def_chr_fops;
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);

#endif
