/*
 * spin-twice.c - takes a spinlock it already holds.  On Linux this spins
 * for ever; Sprout, which has one CPU, knows nobody else can release it.
 */
#include <linux/module.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(twice_lock);

static int __init spin_twice_init(void)
{
	unsigned long flags;

	spin_lock_irqsave(&twice_lock, flags);
	pr_info("spin-twice: taking the lock again\n");
	spin_lock(&twice_lock);
	spin_unlock(&twice_lock);
	spin_unlock_irqrestore(&twice_lock, flags);
	return 0;
}

module_init(spin_twice_init);
MODULE_LICENSE("GPL");
