/* Linux-compatible <linux/moduleparam.h>: module_param() and friends. */
#ifndef LINUX_MODULEPARAM_H
#define LINUX_MODULEPARAM_H

#include <kernel/moduleparam.h>

#endif
