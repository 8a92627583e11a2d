/*
 * The rest of Linux's formatting family, over vsnprintf: scnprintf, which
 * returns what it stored rather than what it wanted to, and the unbounded
 * sprintf that Linux code still uses.  Kernel only: the host tests link the
 * C library's.
 */
#include <kernel/export.h>
#include <kernel/string.h>

#define SPRINTF_UNBOUNDED ((size_t)__INT_MAX__)

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}
EXPORT_SYMBOL(vscnprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
EXPORT_SYMBOL(scnprintf);

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, SPRINTF_UNBOUNDED, fmt, ap);
	va_end(ap);
	return n;
}
EXPORT_SYMBOL(sprintf);
