/* Linux-compatible <linux/init.h>: __init, __exit and the initcall levels. */
#ifndef LINUX_INIT_H
#define LINUX_INIT_H

#include <kernel/init.h>

#endif
