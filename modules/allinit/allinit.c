/*
 * A module whose code and data are all __init -- but for __this_module,
 * its struct module, which the build adds to every module (its .mod.c);
 * without it the core region is empty.  It loads, runs its init, and, with no
 * cleanup_module, stays until reboot.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>

/* Even the format string: a literal would go to the core's rodata. */
static const char allinit_format[] __initconst = KERN_INFO
	"allinit: only init, %d call\n";
static int allinit_calls __initdata;

static int __init allinit_init(void)
{
	allinit_calls++;
	printk(allinit_format, allinit_calls);
	return 0;
}

module_init(allinit_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("All code and data __init: an empty core region");
