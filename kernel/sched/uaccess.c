/*
 * User copies with their range check: the running thread's user window
 * (two bounds in its task_struct) says what it may pass, and only inside
 * it do the faulting copies of kernel/cpu/usercopy.c run.
 */
#include <kernel/export.h>
#include <kernel/string.h>
#include <kernel/uaccess.h>

void uaccess_window_open(struct uaccess_window *saved, const void *start,
			 size_t len)
{
	saved->start = current->user_start;
	saved->end = current->user_end;
	current->user_start = (uintptr_t)start;
	current->user_end = (uintptr_t)start + len;
}

void uaccess_window_close(const struct uaccess_window *saved)
{
	current->user_start = saved->start;
	current->user_end = saved->end;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (access_ok(from, n))
		left = raw_copy_from_user(to, from, n);
	/* What was not copied must not leave stale kernel bytes behind. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}
EXPORT_SYMBOL(copy_from_user);

/* excerpt: copy-to-user */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy_to_user(to, from, n);
}
EXPORT_SYMBOL(copy_to_user);
/* excerpt-end: copy-to-user */

unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_clear_user(to, n);
}
EXPORT_SYMBOL(clear_user);

/*
 * As Linux's: only the bytes inside the window are tried; a string that
 * runs to the window's end without a NUL is a fault.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	uintptr_t addr = (uintptr_t)src;
	unsigned long max;
	long len;

	if (count <= 0)
		return 0;
	if (!access_ok(src, 1))
		return -EFAULT;
	max = current->user_end - addr;
	if ((unsigned long)count <= max)
		return raw_strncpy_from_user(dst, src, count);
	len = raw_strncpy_from_user(dst, src, (long)max);
	return len == (long)max ? -EFAULT : len;
}
EXPORT_SYMBOL(strncpy_from_user);
