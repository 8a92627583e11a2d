/*
 * The usercopy module's read, in .text.unlikely: this object comes first,
 * so its __ex_table entry comes first too, but ld -r puts its code after
 * main.o's .text -- the module's table is out of order until the loader
 * sorts it.
 */
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include "usercopy.h"

noinline __section(".text.unlikely") int usercopy_read(const u32 __user *p,
						       u32 *v)
{
	return get_user(*v, p);
}
