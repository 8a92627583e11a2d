/*
 * A freestanding vsnprintf: the one formatter behind printk, snprintf and the
 * shell.  It never writes past the buffer and always reports the length the
 * whole output would have had, so callers can detect truncation.
 */
#include <kernel/export.h>
#include <kernel/string.h>

#define SYMBOL_TEXT_MAX 192 /* "name+0x.../0x... [module]" */

int (*vsnprintf_symbol)(char *buf, size_t size, uintptr_t addr,
			bool with_offset);

struct out {
	char *buf;
	size_t size;
	size_t len; /* characters produced so far, stored or not */
};

struct spec {
	bool left;  /* '-' */
	bool zero;  /* '0' */
	bool plus;  /* '+' */
	bool space; /* ' ' */
	bool alt;   /* '#' */
	int width;
	int precision; /* -1 when not given */
	int length;    /* -2 hh, -1 h, 0, 1 l, 2 ll/z/t */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const struct spec *sp, const char *s)
{
	int len;

	if (!s)
		s = "(null)";
	len = (int)strnlen(s, sp->precision >= 0 ? (size_t)sp->precision :
						   (size_t)-1);
	if (!sp->left)
		pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

/* excerpt: put-num */
/* Print @v in @base with the sign, prefix, precision and width of @sp. */
/* lab: 03 put-num */
static void put_num(struct out *o, const struct spec *sp, unsigned long long v,
		    bool negative, unsigned int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, zeros, total;
	const char *prefix = "";

	if (v == 0 && sp->precision == 0)
		n = 0;
	else
		do {
			tmp[n++] = digits[v % base];
			v /= base;
		} while (v);

	if (negative)
		prefix = "-";
	else if (sp->plus)
		prefix = "+";
	else if (sp->space)
		prefix = " ";
	else if (sp->alt && base == 16 && n)
		prefix = upper ? "0X" : "0x";
	else if (sp->alt && base == 8 && (n == 0 || tmp[n - 1] != '0'))
		prefix = "0";

	zeros = sp->precision > n ? sp->precision - n : 0;
	total = (int)strlen(prefix) + zeros + n;
	if (sp->zero && !sp->left && sp->precision < 0 && sp->width > total) {
		zeros += sp->width - total;
		total = sp->width;
	}
	if (!sp->left)
		pad(o, ' ', sp->width - total);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, ' ', sp->width - total);
}
/* lab-end: 03 put-num */
/* excerpt-end: put-num */

/* Parse flags, width, precision and length; return the conversion char. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '+')
			sp->plus = true;
		else if (*f == ' ')
			sp->space = true;
		else if (*f == '#')
			sp->alt = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9')
			sp->width = sp->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		} else {
			while (*f >= '0' && *f <= '9')
				sp->precision =
					sp->precision * 10 + (*f++ - '0');
		}
	}
	if (f[0] == 'h')
		sp->length = f[1] == 'h' ? (f++, -2) : -1;
	else if (f[0] == 'l')
		sp->length = f[1] == 'l' ? (f++, 2) : 1;
	else if (f[0] == 'z' || f[0] == 't')
		sp->length = 2;
	if (sp->length)
		f++;
	return f;
}

static long long arg_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case -2:
		return (signed char)va_arg(*ap, int);
	case -1:
		return (short)va_arg(*ap, int);
	case 0:
		return va_arg(*ap, int);
	case 1:
		return va_arg(*ap, long);
	default:
		return va_arg(*ap, long long);
	}
}

static unsigned long long arg_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case -2:
		return (unsigned char)va_arg(*ap, unsigned int);
	case -1:
		return (unsigned short)va_arg(*ap, unsigned int);
	case 0:
		return va_arg(*ap, unsigned int);
	case 1:
		return va_arg(*ap, unsigned long);
	default:
		return va_arg(*ap, unsigned long long);
	}
}

static void convert(struct out *o, struct spec *sp, char c, va_list *ap)
{
	long long s;

	switch (c) {
	case 'd':
	case 'i':
		s = arg_signed(sp, ap);
		put_num(o, sp,
			s < 0 ? -(unsigned long long)s : (unsigned long long)s,
			s < 0, 10, false);
		break;
	case 'u':
		put_num(o, sp, arg_unsigned(sp, ap), false, 10, false);
		break;
	case 'x':
	case 'X':
		put_num(o, sp, arg_unsigned(sp, ap), false, 16, c == 'X');
		break;
	case 'o':
		put_num(o, sp, arg_unsigned(sp, ap), false, 8, false);
		break;
	case 'p':
		sp->alt = true;
		sp->length = 2;
		put_num(o, sp, (uintptr_t)va_arg(*ap, void *), false, 16,
			false);
		break;
	case 's':
		put_str(o, sp, va_arg(*ap, const char *));
		break;
	case 'c': {
		char ch[2] = { (char)va_arg(*ap, int), 0 };

		sp->precision = 1;
		put_str(o, sp, ch);
		break;
	}
	case '%':
		put(o, '%');
		break;
	default:
		/* Unknown conversion: show it rather than guess at arguments. */
		put(o, '%');
		if (c)
			put(o, c);
	}
}

/*
 * Linux's pointer extensions: the letter after %p says how to print it.
 * Returns whether @ext was one (and its argument consumed).
 */
static bool convert_pointer_ext(struct out *o, struct spec *sp, char ext,
				va_list *ap)
{
	char sym[SYMBOL_TEXT_MAX];
	uintptr_t addr;

	if (ext != 'S' && ext != 's' && ext != 'x')
		return false;
	addr = (uintptr_t)va_arg(*ap, void *);
	if (ext == 'x' || !vsnprintf_symbol) {
		sp->alt = true;
		sp->length = 2;
		put_num(o, sp, addr, false, 16, false);
		return true;
	}
	vsnprintf_symbol(sym, sizeof(sym), addr, ext == 'S');
	put_str(o, sp, sym);
	return true;
}

/* excerpt: vsnprintf-loop */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size, .len = 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (*fmt == 'p' &&
		    convert_pointer_ext(&o, &sp, fmt[1], &args)) {
			fmt += 2;
			continue;
		}
		convert(&o, &sp, *fmt, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}
EXPORT_SYMBOL(vsnprintf);
/* excerpt-end: vsnprintf-loop */

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
EXPORT_SYMBOL(snprintf);
