/*
 * Error numbers, with Linux's values so that messages and module sources
 * read the same.  Kernel functions return 0 or a negative one of these.
 */
#ifndef KERNEL_ERRNO_H
#define KERNEL_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EPIPE 32
#define ERANGE 34
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define ENODATA 61
#define ETIME 62
#define EOVERFLOW 75
#define ETIMEDOUT 110
#define EKEYREJECTED 129

/*
 * Kernel-internal: never seen by a caller outside the kernel.  An
 * interruptible wait that a signal ended returns -ERESTARTSYS (Linux's
 * value), so the system call, or here the shell command, can be left.
 */
#define ERESTARTSYS 512

/* errno_name - the symbolic name of @err (positive or negative), or NULL. */
const char *errno_name(int err);

/*
 * errno_text - the message for @err (positive or negative) in the words
 * Linux's C library uses ("No such file or directory"); never NULL.
 */
const char *errno_text(int err);

#endif
