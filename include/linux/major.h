/* Linux-compatible <linux/major.h>: the fixed majors Sprout serves. */
#ifndef LINUX_MAJOR_H
#define LINUX_MAJOR_H

#include <kernel/device.h>

#endif
