/*
 * sscanf: Linux's vsscanf() for what kernel code parses with it -- the
 * integer conversions (%d %i %u %x %o with hh, h, l, ll, z modifiers and
 * a width), %s, %c, %n and literal text -- so a store function written
 * for Linux ("sscanf(buf, "%d", &v)") builds and behaves unchanged.
 */
#include <kernel/export.h>
#include <kernel/string.h>

static bool scan_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* The digit @c in @base, or -1. */
static int scan_digit(char c, unsigned int base)
{
	int d = c >= '0' && c <= '9' ? c - '0' :
		c >= 'a' && c <= 'z' ? c - 'a' + 10 :
		c >= 'A' && c <= 'Z' ? c - 'A' + 10 :
				       99;

	return d < (int)base ? d : -1;
}

/*
 * An integer at *@s in @base (0: by its prefix, as %i), at most @width
 * characters (0: any).  Whether one was there; *@s moves past it.
 */
static bool scan_number(const char **s, unsigned int base, size_t width,
			unsigned long long *out, bool *neg)
{
	const char *p = *s, *end = width ? p + width : NULL;
	unsigned long long v = 0;
	const char *digits;

	*neg = *p == '-';
	if ((*p == '-' || *p == '+') && (!end || p + 1 < end))
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && scan_digit(p[2], 16) >= 0 &&
	    (!end || p + 2 < end)) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	digits = p;
	while ((!end || p < end) && scan_digit(*p, base) >= 0)
		v = v * base + (unsigned int)scan_digit(*p++, base);
	if (p == digits)
		return false;
	*out = *neg ? 0 - v : v;
	*s = p;
	return true;
}

/* Store @v into the next argument, sized by the length modifier @len. */
static void scan_store(va_list *ap, int len, unsigned long long v)
{
	switch (len) {
	case 'H':
		*va_arg(*ap, unsigned char *) = (unsigned char)v;
		break;
	case 'h':
		*va_arg(*ap, unsigned short *) = (unsigned short)v;
		break;
	case 'l':
		*va_arg(*ap, unsigned long *) = (unsigned long)v;
		break;
	case 'L':
		*va_arg(*ap, unsigned long long *) = v;
		break;
	default:
		*va_arg(*ap, unsigned int *) = (unsigned int)v;
	}
}

/* The length modifier at *@fmt: 'H' (hh), 'h', 'l', 'L' (ll, z) or 0. */
static int scan_length(const char **fmt)
{
	const char *f = *fmt;
	int len = 0;

	if (f[0] == 'h' && f[1] == 'h')
		len = 'H', f += 2;
	else if (f[0] == 'l' && f[1] == 'l')
		len = 'L', f += 2;
	else if (*f == 'h' || *f == 'l')
		len = *f++;
	else if (*f == 'z')
		len = 'L', f++;
	*fmt = f;
	return len;
}

/* %s or %c into the next argument; false if nothing was there. */
static bool scan_chars(const char **s, char conv, size_t width, va_list *ap)
{
	char *dst = va_arg(*ap, char *);
	const char *p = *s;

	if (conv == 'c') {
		width = width ? width : 1;
		if (strnlen(p, width) < width)
			return false;
		memcpy(dst, p, width);
		*s = p + width;
		return true;
	}
	while (*p && !scan_space(*p) && (!width || (size_t)(p - *s) < width))
		*dst++ = *p++;
	*dst = '\0';
	if (p == *s)
		return false;
	*s = p;
	return true;
}

int vsscanf(const char *buf, const char *fmt, va_list ap)
{
	const char *s = buf;
	va_list args;
	int done = 0;

	va_copy(args, ap);
	while (*fmt) {
		unsigned long long v;
		size_t width = 0;
		bool ok, neg, skip;
		int len;

		if (scan_space(*fmt)) {
			while (scan_space(*fmt))
				fmt++;
			while (scan_space(*s))
				s++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			fmt += *fmt == '%';
			if (*s++ != *fmt++)
				break;
			continue;
		}
		fmt++;
		skip = *fmt == '*';
		fmt += skip;
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (size_t)(*fmt++ - '0');
		len = scan_length(&fmt);
		if (*fmt == 'n') {
			*va_arg(args, int *) = (int)(s - buf);
			fmt++;
			continue;
		}
		if (*fmt != 'c')
			while (scan_space(*s))
				s++;
		if (*fmt == 's' || *fmt == 'c') {
			if (skip || !scan_chars(&s, *fmt, width, &args))
				break;
			fmt++, done++;
			continue;
		}
		switch (*fmt++) {
		case 'd':
		case 'u':
			ok = scan_number(&s, 10, width, &v, &neg);
			break;
		case 'i':
			ok = scan_number(&s, 0, width, &v, &neg);
			break;
		case 'x':
		case 'X':
			ok = scan_number(&s, 16, width, &v, &neg);
			break;
		case 'o':
			ok = scan_number(&s, 8, width, &v, &neg);
			break;
		default:
			ok = false; /* a conversion it does not know: stop */
		}
		if (!ok)
			break;
		if (!skip) {
			scan_store(&args, len, v);
			done++;
		}
	}
	va_end(args);
	return done;
}
EXPORT_SYMBOL(vsscanf);

int sscanf(const char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(buf, fmt, ap);
	va_end(ap);
	return n;
}
EXPORT_SYMBOL(sscanf);
