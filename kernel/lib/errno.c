/*
 * Names for error numbers, so that logs say "-ENODEV" and not just "-19".
 */
#include <kernel/errno.h>
#include <kernel/types.h>

static const char *const errno_names[] = {
	[EPERM] = "EPERM",	[ENOENT] = "ENOENT",	[ESRCH] = "ESRCH",
	[EINTR] = "EINTR",	[EIO] = "EIO",		[ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG",	[ENOEXEC] = "ENOEXEC",	[EBADF] = "EBADF",
	[EAGAIN] = "EAGAIN",	[ENOMEM] = "ENOMEM",	[EACCES] = "EACCES",
	[EFAULT] = "EFAULT",	[EBUSY] = "EBUSY",	[EEXIST] = "EEXIST",
	[ENODEV] = "ENODEV",	[ENOTDIR] = "ENOTDIR",	[EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL",	[ENOSPC] = "ENOSPC",	[ERANGE] = "ERANGE",
	[ENAMETOOLONG] = "ENAMETOOLONG",	[ENOSYS] = "ENOSYS",
	[ELOOP] = "ELOOP",	[ENODATA] = "ENODATA",	[EOVERFLOW] = "EOVERFLOW",
	[EKEYREJECTED] = "EKEYREJECTED",
};

const char *errno_name(int err)
{
	if (err < 0)
		err = -err;
	if ((unsigned int)err >= sizeof(errno_names) / sizeof(errno_names[0]))
		return NULL;
	return errno_names[err];
}
