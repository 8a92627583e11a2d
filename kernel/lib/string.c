/*
 * The string and memory functions the compiler and the kernel expect.  Kept
 * simple: clarity over speed, except memcpy/memset (below).
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/string.h>

/*
 * memcpy and memset move eight bytes per step, then the tail byte by byte.
 * An emulator runs each step of a string instruction as one memory access,
 * and a store into a page that held code costs it a check for self-modifying
 * code: by bytes, poisoning the freed init text took milliseconds.
 */
void *memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;
	size_t words = n / 8, bytes = n % 8;

	__asm__ volatile("rep movsq\n\t"
			 "mov %3, %%rcx\n\t"
			 "rep movsb"
			 : "+D"(dst), "+S"(src), "+c"(words)
			 : "r"(bytes)
			 : "memory");
	return ret;
}
EXPORT_SYMBOL(memcpy);

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}
EXPORT_SYMBOL(memmove);

void *memset(void *s, int c, size_t n)
{
	void *ret = s;
	uint64_t pattern = 0x0101010101010101ull * (uint8_t)c;
	size_t words = n / 8, bytes = n % 8;

	__asm__ volatile("rep stosq\n\t"
			 "mov %3, %%rcx\n\t"
			 "rep stosb"
			 : "+D"(s), "+c"(words)
			 : "a"(pattern), "r"(bytes)
			 : "memory");
	return ret;
}
EXPORT_SYMBOL(memset);

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] - y[i];
	return 0;
}
EXPORT_SYMBOL(memcmp);

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}
EXPORT_SYMBOL(strlen);

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}
EXPORT_SYMBOL(strnlen);

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}
EXPORT_SYMBOL(strcmp);

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}
EXPORT_SYMBOL(strncmp);

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}
EXPORT_SYMBOL(strchr);

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}
EXPORT_SYMBOL(strrchr);

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
EXPORT_SYMBOL(strlcpy);

ssize_t strscpy(char *dst, const char *src, size_t size)
{
	size_t len;

	if (!size)
		return -E2BIG;
	len = strnlen(src, size);
	if (len == size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return (ssize_t)len;
}
EXPORT_SYMBOL(strscpy);

char *strcpy(char *dst, const char *src)
{
	memcpy(dst, src, strlen(src) + 1);
	return dst;
}
EXPORT_SYMBOL(strcpy);

/* As C's: pads with NULs, and does not terminate a @src of @n or more. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst;
}
EXPORT_SYMBOL(strncpy);

char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}
EXPORT_SYMBOL(strcat);

char *strncat(char *dst, const char *src, size_t n)
{
	char *end = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(end, src, len);
	end[len] = '\0';
	return dst;
}
EXPORT_SYMBOL(strncat);

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack || !n; haystack++) {
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
		if (!*haystack)
			break;
	}
	return NULL;
}
EXPORT_SYMBOL(strstr);

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
EXPORT_SYMBOL(memchr);

/* Split *@s at the first of @delims: return the token, advance past it. */
char *strsep(char **s, const char *delims)
{
	char *start = *s, *p;

	if (!start)
		return NULL;
	for (p = start; *p && !strchr(delims, *p); p++)
		;
	*s = *p ? p + 1 : NULL;
	*p = '\0';
	return start;
}
EXPORT_SYMBOL(strsep);
