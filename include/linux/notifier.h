/*
 * Linux-compatible <linux/notifier.h>: struct notifier_block and the
 * NOTIFY_* returns.
 */
#ifndef LINUX_NOTIFIER_H
#define LINUX_NOTIFIER_H

#include <kernel/notifier.h>

#endif
