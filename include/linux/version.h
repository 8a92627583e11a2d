/*
 * Linux-compatible <linux/version.h>: the Linux version whose module API
 * Sprout follows -- 6.1, the kernel of Debian 12 -- so that a module's
 * "#if LINUX_VERSION_CODE >= KERNEL_VERSION(...)" picks the 6.1 branch.
 */
#ifndef LINUX_VERSION_H
#define LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) \
	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 1
#define LINUX_VERSION_SUBLEVEL 0
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 1, 0)

#endif
