/*
 * get_user/put_user in a module: the accesses' exception-table entries are
 * the module's own, and init_module succeeds only if faults at address=
 * (inside the loading thread's user window, unmapped) in its core code
 * (here and cold.c) and its init code were fixed up through them.  The
 * uaccess suite loads it.
 */
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/uaccess.h>
#include "usercopy.h"

static unsigned long address;
module_param(address, ulong, 0);

/* In .text, where GCC would not put a function only init code calls. */
static noinline __section(".text") int usercopy_write(u32 __user *p, u32 v)
{
	return put_user(v, p);
}

static int __init usercopy_init(void)
{
	u32 __user *p = (u32 __user *)address;
	u32 v = 1;
	int rd, wr, wr_init;

	if (!address)
		return -EINVAL;
	wr = usercopy_write(p, 2);
	rd = usercopy_read(p, &v);
	/* And one in init code, whose entry lives as long as init does. */
	wr_init = put_user(3, p);
	if (rd != -EFAULT || v != 0 || wr != -EFAULT || wr_init != -EFAULT) {
		pr_err("usercopy: at %#lx: get_user %d (value %u), put_user %d, %d in init\n",
		       address, rd, v, wr, wr_init);
		return -EIO;
	}
	pr_info("usercopy: faults at %#lx fixed up\n", address);
	return 0;
}

static void __exit usercopy_exit(void)
{
}

module_init(usercopy_init);
module_exit(usercopy_exit);
MODULE_LICENSE("GPL");
