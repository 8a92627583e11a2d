/* Linux-compatible <linux/export.h>: EXPORT_SYMBOL() and EXPORT_SYMBOL_GPL(). */
#ifndef LINUX_EXPORT_H
#define LINUX_EXPORT_H

#include <kernel/export.h>

#endif
