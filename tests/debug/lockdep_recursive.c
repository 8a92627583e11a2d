/*
 * Two spinlocks of one class taken nested, on purpose: both are
 * initialized at one spin_lock_init() call, so lockdep sees one class
 * taken twice -- which is a deadlock when both are the same lock, and
 * needs spin_lock_nested() when they are not.  The debug kernel reports
 * "possible recursive locking detected"; the locks are distinct, so the
 * module goes on.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

struct item {
	spinlock_t lock;
	int value;
};

static struct item items[2];

static int __init lockdep_recursive_init(void)
{
	for (int i = 0; i < 2; i++)
		spin_lock_init(&items[i].lock);
	spin_lock(&items[0].lock);
	spin_lock(&items[1].lock); /* the same class: lockdep reports here */
	items[0].value = items[1].value = 1;
	spin_unlock(&items[1].lock);
	spin_unlock(&items[0].lock);
	pr_info("lockdep_recursive: held two locks of one class, the kernel goes on\n");
	return 0;
}

static void __exit lockdep_recursive_exit(void)
{
}

module_init(lockdep_recursive_init);
module_exit(lockdep_recursive_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Two locks of one class nested, for CONFIG_LOCKDEP");
