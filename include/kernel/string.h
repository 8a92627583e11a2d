/*
 * The freestanding subset of <string.h> the kernel provides itself, plus
 * the bounded formatting functions behind printk.
 */
#ifndef KERNEL_STRING_H
#define KERNEL_STRING_H

#include <stdarg.h>
#include <kernel/types.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
size_t strlcpy(char *dst, const char *src, size_t size);

/* strlist_contains - is @name one of the words in the comma-separated @list? */
bool strlist_contains(const char *list, const char *name);

/*
 * vsnprintf - format into @buf (at most @size bytes, always NUL-terminated
 * when @size > 0).  Returns the length the full output would have had, as
 * C99 does.  Supports %d %i %u %x %X %o %p %s %c %% with the h, hh, l, ll,
 * z and t length modifiers, width, precision, '*', and the '-', '0', '+',
 * ' ' and '#' flags.  Pure code: also built into the host unit tests.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/*
 * kstrtoull / kstrtoll - parse a whole string as a number in @base (at
 * most 16; 0 means auto: 0x for hex, leading 0 for octal).  Return 0,
 * -EINVAL for anything that is not entirely a number, -ERANGE on overflow.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);

/* hex_to_bin - the value of hex digit @c (either case), or -1. */
int hex_to_bin(unsigned char c);
int kstrtoll(const char *s, unsigned int base, long long *res);

#endif
