/*
 * Locking module loading, as Linux's kernel.modules_disabled: once set --
 * by "modules_disabled" on the command line or module_loading_disable()
 * (the modules_disable shell command) -- every later load is refused with
 * -EPERM until reboot.  Nothing clears it; removing modules stays allowed.
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static bool modules_disabled;

bool module_loading_disabled(void)
{
	return modules_disabled;
}

void module_loading_disable(void)
{
	modules_disabled = true;
	pr_notice("Module loading disabled until reboot\n");
}

static int __init modules_disabled_setup(const char *val)
{
	if (!val || !strcmp(val, "1") || !strcmp(val, "y"))
		modules_disabled = true;
	else if (strcmp(val, "0") && strcmp(val, "n"))
		return -EINVAL;
	if (modules_disabled)
		pr_info("Module loading disabled (modules_disabled) until reboot\n");
	return 0;
}
__setup("modules_disabled", modules_disabled_setup);
