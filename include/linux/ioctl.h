/* Linux-compatible <linux/ioctl.h>: _IO(), _IOR(), _IOW(), _IOWR(). */
#ifndef LINUX_IOCTL_H
#define LINUX_IOCTL_H

#include <asm/ioctl.h>

#endif
