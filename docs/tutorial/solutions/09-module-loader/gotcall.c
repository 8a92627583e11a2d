/*
 * Chapter 9, exercise 1: calls through the GOT.  Built with -fno-plt (see
 * Kbuild), each call to a kernel function is "call *fn@GOTPCREL(%rip)": an
 * indirect call that reads the target from a GOT slot, so the relocation
 * (R_X86_64_GOTPCRELX) asks for the distance to a slot holding the
 * function's address, not the distance to the function.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/string.h>

static const char *gotcall_word = "sprout";

static int __init gotcall_init(void)
{
	pr_info("gotcall: strlen(\"%s\") = %zu, called through the GOT\n",
		gotcall_word, strlen(gotcall_word));
	return 0;
}

static void __exit gotcall_exit(void)
{
	pr_info("gotcall: unloaded\n");
}

module_init(gotcall_init);
module_exit(gotcall_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Calls kernel functions through GOT slots (-fno-plt)");
