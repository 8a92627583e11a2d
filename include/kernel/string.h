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

/*
 * strlist_next - split the next item off a comma-separated list, as strsep()
 * does but without writing to it.  *@rest is the rest of the list (the whole
 * list at first).  Sets *@item to the item's first character and *@len to
 * its length (the item is not NUL-terminated: it ends at a comma or at the
 * list's end), and moves *@rest past the item and its comma.  Returns false,
 * with nothing set, once the list is used up: n commas make n + 1 items, so
 * "" is one empty item, "a,,b" has an empty one in the middle and "a," one
 * at the end; callers decide what an empty item means.  Pure: no allocation.
 */
bool strlist_next(const char **rest, const char **item, size_t *len);

/*
 * strlist_contains - whether @name is one of the items of the
 * comma-separated @list.  Empty items name nothing: an empty @name is in no
 * list.
 */
bool strlist_contains(const char *list, const char *name);

/*
 * vsnprintf - format into @buf (at most @size bytes, always NUL-terminated
 * when @size > 0).  Returns the length the full output would have had, as
 * C99 does.  Supports %d %i %u %x %X %o %p %s %c %% with the h, hh, l, ll,
 * z and t length modifiers, width, precision, '*', and the '-', '0', '+',
 * ' ' and '#' flags; as in Linux, %pS prints a code address as
 * "name+0x12/0x40 [module]", %ps as "name [module]" and %px the raw value.
 * Pure code: also built into the host unit tests.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/*
 * vsnprintf_symbol - how %pS/%ps name an address, with or without the
 * "+offset/size": set by the symbol tables (kernel/panic/kallsyms.c) once they
 * can be read; while NULL, both print the address in hex.
 */
extern int (*vsnprintf_symbol)(char *buf, size_t size, uintptr_t addr,
			       bool with_offset);

/*
 * scnprintf / vscnprintf - as snprintf, but return the characters really
 * stored (not counting the NUL), so "n += scnprintf(buf + n, size - n..)"
 * never runs past the end.  sprintf - unbounded, for Linux code.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
int sprintf(char *buf, const char *fmt, ...) __printf(2, 3);

/*
 * sscanf / vsscanf - parse @buf by @fmt as Linux's: integers (%d %i %u
 * %x %o, with hh h l ll z and a width), %s, %c, %n, %*... to skip, and
 * literal text; blanks in @fmt match any run of blanks.  Returns the
 * number of conversions stored, stopping at the first that fails.
 */
int vsscanf(const char *buf, const char *fmt, va_list ap);
int sscanf(const char *buf, const char *fmt, ...)
	__attribute__((format(scanf, 2, 3)));

/*
 * Linux's further string functions.  strscpy copies at most @size - 1
 * characters and always terminates; it returns the length copied or
 * -E2BIG if @src was cut.  strcpy/strcat/strncpy/strncat as in C.
 */
ssize_t strscpy(char *dst, const char *src, size_t size);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strstr(const char *haystack, const char *needle);
void *memchr(const void *s, int c, size_t n);
char *strsep(char **s, const char *delims);

/*
 * kstrtoull / kstrtoll - parse a whole string as a number in @base (at
 * most 16; 0 means auto: 0x for hex, leading 0 for octal).  Return 0,
 * -EINVAL for anything that is not entirely a number (one final newline
 * allowed, as Linux's), -ERANGE on overflow.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);

/* hex_to_bin - the value of hex digit @c (either case), or -1. */
int hex_to_bin(unsigned char c);
int kstrtoll(const char *s, unsigned int base, long long *res);

/* The same for narrower types; -ERANGE if the value does not fit. */
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
/* kstrtobool - "y", "Y", "1", "on" true; "n", "N", "0", "off" false. */
int kstrtobool(const char *s, bool *res);

#endif
