/*
 * Names for error numbers, so that logs say "-ENODEV" and not just "-19".
 */
#include <kernel/errno.h>
#include <kernel/types.h>

static const char *const errno_names[] = {
	[EPERM] = "EPERM",
	[ENOENT] = "ENOENT",
	[ESRCH] = "ESRCH",
	[EINTR] = "EINTR",
	[EIO] = "EIO",
	[ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG",
	[ENOEXEC] = "ENOEXEC",
	[EBADF] = "EBADF",
	[EAGAIN] = "EAGAIN",
	[ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES",
	[EFAULT] = "EFAULT",
	[EBUSY] = "EBUSY",
	[EEXIST] = "EEXIST",
	[ENODEV] = "ENODEV",
	[ENOTDIR] = "ENOTDIR",
	[EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL",
	[EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY",
	[EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC",
	[ESPIPE] = "ESPIPE",
	[EPIPE] = "EPIPE",
	[ERANGE] = "ERANGE",
	[ENAMETOOLONG] = "ENAMETOOLONG",
	[ENOSYS] = "ENOSYS",
	[ENOTEMPTY] = "ENOTEMPTY",
	[ELOOP] = "ELOOP",
	[ENODATA] = "ENODATA",
	[ETIME] = "ETIME",
	[EOVERFLOW] = "EOVERFLOW",
	[ETIMEDOUT] = "ETIMEDOUT",
	[EKEYREJECTED] = "EKEYREJECTED",
};

/* The C library's strerror() texts, as Linux programs print them. */
static const char *const errno_texts[] = {
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EPIPE] = "Broken pipe",
	[ERANGE] = "Numerical result out of range",
	[ENAMETOOLONG] = "File name too long",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOOP] = "Too many levels of symbolic links",
	[ENODATA] = "No data available",
	[ETIME] = "Timer expired",
	[EOVERFLOW] = "Value too large for defined data type",
	[ETIMEDOUT] = "Connection timed out",
	[EKEYREJECTED] = "Key was rejected by service",
};

const char *errno_text(int err)
{
	if (err < 0)
		err = -err;
	if ((unsigned int)err >= ARRAY_SIZE(errno_texts) || !errno_texts[err])
		return "Unknown error";
	return errno_texts[err];
}

const char *errno_name(int err)
{
	if (err < 0)
		err = -err;
	/* Far past the others: a row for it would cost 4 KiB of NULLs. */
	if (err == ERESTARTSYS)
		return "ERESTARTSYS";
	if ((unsigned int)err >= sizeof(errno_names) / sizeof(errno_names[0]))
		return NULL;
	return errno_names[err];
}
