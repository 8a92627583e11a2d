/* Linux-compatible <linux/kdev_t.h>: MAJOR(), MINOR() and MKDEV(). */
#ifndef LINUX_KDEV_T_H
#define LINUX_KDEV_T_H

#include <kernel/kdev_t.h>

#endif
