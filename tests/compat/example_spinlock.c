/*
 * example_spinlock.c - a statically defined and a run-time initialised
 * spinlock; spin_lock_irqsave() keeps interrupts off while it is held
 * and spin_unlock_irqrestore() puts them back as they were.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(sl_static);
static spinlock_t sl_dynamic;
static int shared_counter;

static void example_spinlock_static(void)
{
	unsigned long flags;
	bool before = irqs_disabled();

	spin_lock_irqsave(&sl_static, flags);
	pr_info("Locked static spinlock (interrupts %s inside, %s before)\n",
		irqs_disabled() ? "off" : "on", before ? "off" : "on");
	shared_counter++;
	spin_unlock_irqrestore(&sl_static, flags);
	pr_info("Unlocked static spinlock (interrupts %s again)\n",
		irqs_disabled() == before ? "as before" : "CHANGED");
}

static void example_spinlock_dynamic(void)
{
	spin_lock_init(&sl_dynamic);
	spin_lock(&sl_dynamic);
	pr_info("Locked dynamic spinlock: held %d, trylock %s\n",
		spin_is_locked(&sl_dynamic),
		spin_trylock(&sl_dynamic) ? "succeeded" : "refused");
	shared_counter++;
	spin_unlock(&sl_dynamic);
	pr_info("Unlocked dynamic spinlock: held %d, counter %d\n",
		spin_is_locked(&sl_dynamic), shared_counter);
}

static int __init example_spinlock_init(void)
{
	pr_info("example spinlock started\n");
	example_spinlock_static();
	example_spinlock_dynamic();
	return 0;
}

static void __exit example_spinlock_exit(void)
{
	pr_info("example spinlock exit\n");
}

module_init(example_spinlock_init);
module_exit(example_spinlock_exit);

MODULE_DESCRIPTION("Spinlock example");
MODULE_LICENSE("GPL");
