/*
 * Chapter 9, exercise 2: a module that claims to be built for another
 * kernel.  Its own vermagic= comes first in .modinfo (this object is
 * linked before the generated oldmagic.mod.o), and the loader reads the
 * first one, so it is refused before anything is linked.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

static int __init oldmagic_init(void)
{
	pr_info("oldmagic: loaded (it should not have been)\n");
	return 0;
}

module_init(oldmagic_init);
MODULE_LICENSE("GPL");
MODULE_INFO(vermagic, "6.1.0 SMP preempt mod_unload");
