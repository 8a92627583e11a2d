/* Linux-compatible <linux/module.h>: modules, their metadata, parameters and exports. */
#ifndef LINUX_MODULE_H
#define LINUX_MODULE_H

#include <kernel/module.h>
#include <kernel/printk.h>

#endif
