/*
 * ioctl_dev's commands, shared by the module and whoever drives it: a
 * number (get, set, exchange) and a short message (get, set).
 */
#ifndef IOCTL_DEV_H
#define IOCTL_DEV_H

#include <linux/ioctl.h>

#define IOCTL_DEV_MAGIC 'k'
#define IOCTL_DEV_MSG_LEN 32

struct ioctl_dev_msg {
	char text[IOCTL_DEV_MSG_LEN];
};

#define IOCTL_DEV_SET_VALUE _IOW(IOCTL_DEV_MAGIC, 0, int)
#define IOCTL_DEV_GET_VALUE _IOR(IOCTL_DEV_MAGIC, 1, int)
/* Set a new value and get the old one back in the same int. */
#define IOCTL_DEV_XCHG_VALUE _IOWR(IOCTL_DEV_MAGIC, 2, int)
#define IOCTL_DEV_SET_MSG _IOW(IOCTL_DEV_MAGIC, 3, struct ioctl_dev_msg)
#define IOCTL_DEV_GET_MSG _IOR(IOCTL_DEV_MAGIC, 4, struct ioctl_dev_msg)
/* A command with no argument: put the value back to 0. */
#define IOCTL_DEV_RESET _IO(IOCTL_DEV_MAGIC, 5)

#endif
