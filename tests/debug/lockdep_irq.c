/*
 * A spinlock taken with interrupts on and in an interrupt handler, on
 * purpose: init_module takes it with plain spin_lock(), and a timer
 * callback -- which runs in the timer interrupt on Sprout -- takes it
 * too.  Were the interrupt to come while init_module held it, the
 * handler would spin for ever on its own CPU; lockdep reports the two
 * uses ("inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage") when the
 * second is first seen.  spin_lock_irqsave() outside would be right.
 */
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static DEFINE_SPINLOCK(irq_lock);
static DECLARE_COMPLETION(fired);
static struct timer_list irq_timer;
static int count;

static void lockdep_irq_timer(struct timer_list *t)
{
	spin_lock(&irq_lock); /* in the interrupt: lockdep reports here */
	count++;
	spin_unlock(&irq_lock);
	complete(&fired);
}

static int __init lockdep_irq_init(void)
{
	spin_lock(&irq_lock); /* interrupts on: HARDIRQ-ON-W */
	count++;
	spin_unlock(&irq_lock);
	timer_setup(&irq_timer, lockdep_irq_timer, 0);
	mod_timer(&irq_timer, jiffies + 1);
	wait_for_completion(&fired);
	del_timer_sync(&irq_timer);
	pr_info("lockdep_irq: count %d after the timer, the kernel goes on\n",
		count);
	return 0;
}

static void __exit lockdep_irq_exit(void)
{
}

module_init(lockdep_irq_init);
module_exit(lockdep_irq_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION(
	"A lock taken in an interrupt and with interrupts on, for CONFIG_LOCKDEP");
