/* Linux-compatible <linux/printk.h>: printk() and the pr_*() helpers. */
#ifndef LINUX_PRINTK_H
#define LINUX_PRINTK_H

#include <kernel/printk.h>

#endif
