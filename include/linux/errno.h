/*
 * Linux-compatible <linux/errno.h>: the errno values (Linux's numbers),
 * those the kernel uses and the rest a module may return.
 */
#ifndef LINUX_ERRNO_H
#define LINUX_ERRNO_H

#include <kernel/errno.h>

#define ECHILD 10
#define ENOTBLK 15
#define EXDEV 18
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define ETXTBSY 26
#define EFBIG 27
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EDOM 33
#define EDEADLK 35
#define ENOLCK 37
#define ENOTEMPTY 39
#define EWOULDBLOCK EAGAIN
#define ENOMSG 42
#define ETIME 62
#define EPROTO 71
#define EBADMSG 74
#define EILSEQ 84
#define EOPNOTSUPP 95
#define ENOBUFS 105
#define ETIMEDOUT 110
#define EALREADY 114
#define EINPROGRESS 115
#define ECANCELED 125
/* Kernel-internal codes, never seen by user space. */
#define ERESTARTSYS 512
#define ENOTSUPP 524

#endif
