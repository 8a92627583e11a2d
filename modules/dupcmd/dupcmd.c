/*
 * A module with a shell command whose name the shell already has ("help"):
 * the loader refuses it before its init runs, so no command is hidden.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <kernel/shell.h>

static int dupcmd_help(char *args)
{
	console_printf("dupcmd: this must never run\n");
	return 0;
}
SHELL_COMMAND("help", "", "a second help", dupcmd_help);

static int __init dupcmd_init(void)
{
	pr_info("dupcmd: init must not run\n");
	return 0;
}

static void __exit dupcmd_exit(void)
{
}

module_init(dupcmd_init);
module_exit(dupcmd_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Registers a shell command that already exists");
