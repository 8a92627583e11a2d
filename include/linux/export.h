/*
 * Linux-compatible <linux/export.h>: EXPORT_SYMBOL(), EXPORT_SYMBOL_GPL()
 * and THIS_MODULE.
 */
#ifndef LINUX_EXPORT_H
#define LINUX_EXPORT_H

#include <kernel/export.h>

#endif
