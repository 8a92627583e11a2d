/*
 * Copies between the kernel and memory a caller passed in ("user" memory).
 * Sprout has no user space yet: the user side is a range of kernel memory
 * the running thread is permitted to pass (its user window, set by
 * uaccess_window_open()).  access_ok() checks the range; a fault inside it
 * is caught by the exception table (include/kernel/extable.h).
 */
#ifndef KERNEL_UACCESS_H
#define KERNEL_UACCESS_H

#include <kernel/errno.h>
#include <kernel/extable.h>
#include <kernel/sched.h>
#include <kernel/types.h>

/* Sparse's address-space marker, as in <linux/compiler.h>: empty here. */
#define __user

/*
 * access_ok - may the running thread pass the @size bytes at @ptr?  True
 * if they lie inside its user window (Linux 5.0's two-argument form).
 * Touches no memory: a range it allows may still fault.  Any context.
 */
static inline bool access_ok(const void __user *ptr, unsigned long size)
{
	uintptr_t addr = (uintptr_t)ptr;

	return addr >= current->user_start && addr <= current->user_end &&
	       size <= current->user_end - addr;
}

/*
 * A thread's user window, saved by uaccess_window_open() and put back by
 * uaccess_window_close(): the scope in which kernel code lends a buffer.
 */
struct uaccess_window {
	uintptr_t start, end;
};

/*
 * uaccess_window_open - permit the running thread to pass the @len bytes
 * at @start, until uaccess_window_close(@saved); the window it had goes
 * into @saved.  Windows nest like scopes and do not add up.
 * uaccess_window_close - put back the window saved in @saved.  Thread
 * context; neither sleeps.
 */
void uaccess_window_open(struct uaccess_window *saved, const void *start,
			 size_t len);
void uaccess_window_close(const struct uaccess_window *saved);

/*
 * raw_copy_from_user, raw_copy_to_user, raw_clear_user - copy (or zero) @n
 * bytes without checking the range, stopping at the first fault; return
 * the number of bytes NOT done.  raw_strncpy_from_user - as
 * strncpy_from_user() without the range check.  kernel/cpu/usercopy.c.
 */
unsigned long raw_copy_from_user(void *to, const void __user *from,
				 unsigned long n);
unsigned long raw_copy_to_user(void __user *to, const void *from,
			       unsigned long n);
unsigned long raw_clear_user(void __user *to, unsigned long n);
long raw_strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * copy_from_user, copy_to_user - copy @n bytes from / to user memory;
 * clear_user - zero @n bytes of it.  Return the number of bytes NOT
 * copied: all of them if the range is outside the window, the rest after
 * a fault otherwise.  copy_from_user zeroes what it could not copy, as
 * Linux's does.  Thread context.
 */
unsigned long copy_from_user(void *to, const void __user *from,
			     unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);

/*
 * strncpy_from_user - copy the NUL-terminated string at @src into @dst, at
 * most @count bytes.  Returns its length (without the NUL); @count if it
 * has no NUL in the first @count bytes (@dst is then not terminated); or
 * -EFAULT if a byte before the end is outside the window or faults.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/* clang-format off */
/*
 * One load or store of 1, 2, 4 or 8 bytes that may fault.  The error
 * starts at -EFAULT and the instruction after the access clears it; the
 * fixup jumps over that instruction.  A failed load leaves *@v zero.
 */
#define __UACCESS_LOAD(name, type, insn, reg)                               \
	static inline int name(unsigned long *v, const void __user *p)      \
	{                                                                   \
		int err = -EFAULT;                                          \
		unsigned long x = 0;                                        \
		asm volatile("1:	" insn " %[src], %" reg "[x]\n"     \
			     "	xorl %[err], %[err]\n"                      \
			     "2:\n" _ASM_EXTABLE(1b, 2b)                    \
			     : [err] "+r"(err), [x] "+r"(x)                 \
			     : [src] "m"(*(const type *)p));                \
		*v = x;                                                     \
		return err;                                                 \
	}
#define __UACCESS_STORE(name, type, insn, reg)                              \
	static inline int name(void __user *p, unsigned long v)             \
	{                                                                   \
		int err = -EFAULT;                                          \
		asm volatile("1:	" insn " %" reg "[v], %[dst]\n"     \
			     "	xorl %[err], %[err]\n"                      \
			     "2:\n" _ASM_EXTABLE(1b, 2b)                    \
			     : [err] "+r"(err), [dst] "=m"(*(type *)p)      \
			     : [v] "r"(v));                                 \
		return err;                                                 \
	}
/* clang-format on */
__UACCESS_LOAD(get_user_byte, uint8_t, "movzbl", "k")
__UACCESS_LOAD(get_user_word, uint16_t, "movzwl", "k")
__UACCESS_LOAD(get_user_long, uint32_t, "movl", "k")
__UACCESS_LOAD(get_user_quad, uint64_t, "movq", "q")
__UACCESS_STORE(put_user_byte, uint8_t, "movb", "b")
__UACCESS_STORE(put_user_word, uint16_t, "movw", "w")
__UACCESS_STORE(put_user_long, uint32_t, "movl", "k")
__UACCESS_STORE(put_user_quad, uint64_t, "movq", "q")

/* Never defined: get_user/put_user of a size other than 1, 2, 4 or 8. */
extern int __uaccess_bad_size(void);

/*
 * get_user - read the scalar at user pointer @ptr into @x with one load;
 * put_user - write @x to it with one store.  0, or -EFAULT if @ptr is
 * outside the window or the access faults (get_user then sets @x to 0).
 */
#define get_user(x, ptr)                                                   \
	({                                                                 \
		const void __user *__gu_p = (ptr);                         \
		unsigned long __gu_v = 0;                                  \
		int __gu_err = -EFAULT;                                    \
		if (access_ok(__gu_p, sizeof(*(ptr)))) {                   \
			switch (sizeof(*(ptr))) {                          \
			case 1:                                            \
				__gu_err = get_user_byte(&__gu_v, __gu_p); \
				break;                                     \
			case 2:                                            \
				__gu_err = get_user_word(&__gu_v, __gu_p); \
				break;                                     \
			case 4:                                            \
				__gu_err = get_user_long(&__gu_v, __gu_p); \
				break;                                     \
			case 8:                                            \
				__gu_err = get_user_quad(&__gu_v, __gu_p); \
				break;                                     \
			default:                                           \
				__gu_err = __uaccess_bad_size();           \
				break;                                     \
			}                                                  \
		}                                                          \
		(x) = (__typeof__(*(ptr)))__gu_v;                          \
		__gu_err;                                                  \
	})

#define put_user(x, ptr)                                                  \
	({                                                                \
		__typeof__(*(ptr)) __pu_x = (x);                          \
		void __user *__pu_p = (ptr);                              \
		unsigned long __pu_v = (unsigned long)__pu_x;             \
		int __pu_err = -EFAULT;                                   \
		if (access_ok(__pu_p, sizeof(*(ptr)))) {                  \
			switch (sizeof(*(ptr))) {                         \
			case 1:                                           \
				__pu_err = put_user_byte(__pu_p, __pu_v); \
				break;                                    \
			case 2:                                           \
				__pu_err = put_user_word(__pu_p, __pu_v); \
				break;                                    \
			case 4:                                           \
				__pu_err = put_user_long(__pu_p, __pu_v); \
				break;                                    \
			case 8:                                           \
				__pu_err = put_user_quad(__pu_p, __pu_v); \
				break;                                    \
			default:                                          \
				__pu_err = __uaccess_bad_size();          \
				break;                                    \
			}                                                 \
		}                                                         \
		__pu_err;                                                 \
	})

#endif
