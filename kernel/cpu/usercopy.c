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

/*
 * Four quadword stores of zero a turn of a loop, then the last bytes one
 * by one.  A store that faults writes none of its bytes (even one across
 * into the next page); its fixup moves DST past the stores of the turn
 * that were done, so what is not done is exactly END - DST.  A plain loop
 * rather than rep stosq or stosb: under QEMU's TCG, which make bench
 * runs, each iteration of a rep instruction is a trip through the
 * emulator, and /dev/zero read at a fraction of Linux's speed.
 */
unsigned long raw_clear_user(void __user *to, unsigned long n)
{
	char *dst = (char *)to, *end = dst + n;
	unsigned long turns = n / 32;
	unsigned int fault = 0;

	asm volatile("	testq %[turns], %[turns]\n"
		     "	jz 9f\n"
		     "1:	movq %[zero], (%[dst])\n"
		     "2:	movq %[zero], 8(%[dst])\n"
		     "3:	movq %[zero], 16(%[dst])\n"
		     "4:	movq %[zero], 24(%[dst])\n"
		     "	leaq 32(%[dst]), %[dst]\n"
		     "	decq %[turns]\n"
		     "	jnz 1b\n"
		     "	jmp 9f\n"
		     /* Fixups: 3, 2, 1 or none of the turn's stores done. */
		     "8:	leaq 8(%[dst]), %[dst]\n"
		     "7:	leaq 8(%[dst]), %[dst]\n"
		     "6:	leaq 8(%[dst]), %[dst]\n"
		     "5:	movl $1, %[fault]\n"
		     "9:\n" _ASM_EXTABLE(1b, 5b) _ASM_EXTABLE(2b, 6b)
			     _ASM_EXTABLE(3b, 7b) _ASM_EXTABLE(4b, 8b)
		     : [turns] "+r"(turns), [dst] "+r"(dst), [fault] "+r"(fault)
		     : [zero] "r"(0ul)
		     : "memory");
	while (!fault && dst < end && !put_user_byte(dst, 0))
		dst++;
	return (unsigned long)(end - dst);
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
