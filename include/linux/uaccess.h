/*
 * Linux-compatible <linux/uaccess.h>: copy_{to,from}_user, get_user,
 * put_user, clear_user, strncpy_from_user and access_ok over
 * <kernel/uaccess.h>, where "user" memory is the calling thread's window.
 */
#ifndef LINUX_UACCESS_H
#define LINUX_UACCESS_H

#include <linux/compiler.h>
#include <kernel/uaccess.h>

#endif
