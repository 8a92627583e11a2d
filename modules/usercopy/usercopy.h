/* What the usercopy module's two objects share. */
#ifndef MODULES_USERCOPY_H
#define MODULES_USERCOPY_H

#include <linux/compiler.h>
#include <linux/types.h>

/* usercopy_read - get_user of the u32 at @p into *@v: 0 or -EFAULT. */
int usercopy_read(const u32 __user *p, u32 *v);

#endif
