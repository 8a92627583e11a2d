/*
 * Linux-compatible <linux/minmax.h>: min(), max() and clamp() that
 * evaluate each argument once and, as Linux's, refuse to compare values
 * of different types (a compile error: use min_t() to say which type).
 */
#ifndef LINUX_MINMAX_H
#define LINUX_MINMAX_H

/* Comparing the two pointers is an error when the types differ. */
#define __cmp_once(op, x, y)             \
	({                               \
		__typeof__(x) __x = (x); \
		__typeof__(y) __y = (y); \
		(void)(&__x == &__y);    \
		__x op __y ? __x : __y;  \
	})

#define min(x, y) __cmp_once(<, x, y)
#define max(x, y) __cmp_once(>, x, y)
#define min3(x, y, z) min((__typeof__(x))min(x, y), z)
#define max3(x, y, z) max((__typeof__(x))max(x, y), z)
#define min_t(type, x, y) min((type)(x), (type)(y))
#define max_t(type, x, y) max((type)(x), (type)(y))

/* clamp - @val limited to [@lo, @hi]. */
#define clamp(val, lo, hi) min((__typeof__(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(__typeof__(val), val, lo, hi)

#define swap(a, b)                         \
	do {                               \
		__typeof__(a) __tmp = (a); \
		(a) = (b);                 \
		(b) = __tmp;               \
	} while (0)

#endif
