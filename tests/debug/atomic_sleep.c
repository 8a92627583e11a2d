/*
 * A sleep with a spinlock held, on purpose: msleep() may switch to
 * another task, which must not happen while preemption is off.  The
 * debug kernel reports it twice, as Linux does: might_sleep() in msleep()
 * ("sleeping function called from invalid context"), then schedule()
 * ("scheduling while atomic").  The module loads all the same.
 */
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(atomic_sleep_lock);

static int __init atomic_sleep_init(void)
{
	spin_lock(&atomic_sleep_lock);
	msleep(10);
	spin_unlock(&atomic_sleep_lock);
	pr_info("atomic_sleep: slept 10 ms holding a spinlock\n");
	return 0;
}

static void __exit atomic_sleep_exit(void)
{
}

module_init(atomic_sleep_init);
module_exit(atomic_sleep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sleeps with a spinlock held, for CONFIG_DEBUG_ATOMIC_SLEEP");
