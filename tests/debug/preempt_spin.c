/*
 * A busy loop with preemption disabled, on purpose: for spin_secs seconds
 * nothing else may run.  The debug kernel's soft-lockup check reports it
 * once it passes 2 * watchdog_thresh seconds ("watchdog: BUG: soft lockup
 * - CPU#0 stuck for Ns!"); then the loop ends and the kernel goes on.
 */
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/printk.h>

static unsigned int spin_secs = 4;
module_param(spin_secs, uint, 0444);

static int __init preempt_spin_init(void)
{
	unsigned long end;

	preempt_disable();
	/* The tick still counts jiffies (volatile): interrupts stay on. */
	end = jiffies + spin_secs * HZ;
	while (time_before(jiffies, end))
		;
	preempt_enable();
	pr_info("preempt_spin: spun %u s with preemption off\n", spin_secs);
	return 0;
}

static void __exit preempt_spin_exit(void)
{
}

module_init(preempt_spin_init);
module_exit(preempt_spin_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Spins with preemption off, for CONFIG_SOFTLOCKUP_DETECTOR");
