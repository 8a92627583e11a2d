/*
 * The copy instructions of user copies: each may fault on a page the
 * caller could not vouch for, and each has an exception-table entry whose
 * fixup makes the routine report what it did not do.  No range checks
 * here: the callers (include/kernel/uaccess.h) have made them.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/extable.h>
#include <kernel/uaccess.h>

/* excerpt: usercopy-movsb */
/*
 * rep movsb counts RCX down as it goes and a fault leaves RCX at the bytes
 * still to move (Intel SDM 2B, "REP"), so the fixup is just the next
 * instruction: RCX is the count not copied.
 */
static unsigned long usercopy_movsb(void *to, const void *from, unsigned long n)
{
	asm volatile("1:	rep movsb\n"
		     "2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+c"(n), "+D"(to), "+S"(from)
		     :
		     : "memory");
	return n;
}
/* excerpt-end: usercopy-movsb */

unsigned long raw_copy_from_user(void *to, const void __user *from,
				 unsigned long n)
{
	return usercopy_movsb(to, (const void *)from, n);
}
EXPORT_SYMBOL(raw_copy_from_user);

unsigned long raw_copy_to_user(void __user *to, const void *from,
			       unsigned long n)
{
	return usercopy_movsb((void *)to, from, n);
}
EXPORT_SYMBOL(raw_copy_to_user);

/* As usercopy_movsb(), with rep stosb storing AL = 0. */
unsigned long raw_clear_user(void __user *to, unsigned long n)
{
	void *dst = (void *)to;

	asm volatile("1:	rep stosb\n"
		     "2:\n" _ASM_EXTABLE(1b, 2b)
		     : "+c"(n), "+D"(dst)
		     : "a"(0)
		     : "memory");
	return n;
}
EXPORT_SYMBOL(raw_clear_user);

long raw_strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long c;
	long i;

	for (i = 0; i < count; i++) {
		if (get_user_byte(&c, src + i))
			return -EFAULT;
		dst[i] = (char)c;
		if (!c)
			return i;
	}
	return count;
}
EXPORT_SYMBOL(raw_strncpy_from_user);
