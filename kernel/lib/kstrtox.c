/*
 * String-to-number conversion for command-line and module parameters.  A
 * value must be a number in full: "12abc" is an error, not 12.
 */
#include <kernel/export.h>
#include <kernel/errno.h>
#include <kernel/string.h>

int hex_to_bin(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
EXPORT_SYMBOL(hex_to_bin);

/* The value of digit @c in a base up to 16; 99 for anything else. */
static int digit_value(char c)
{
	int d = hex_to_bin((unsigned char)c);

	return d < 0 ? 99 : d;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	int d;

	if (base == 0) {
		base = 10;
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
			base = 16;
			s += 2;
		} else if (s[0] == '0' && s[1]) {
			base = 8;
			s++;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		d = digit_value(*s);
		if (d >= (int)base)
			return -EINVAL;
		if (v > (~0ULL - (unsigned)d) / base)
			return -ERANGE;
		v = v * base + (unsigned)d;
	}
	*res = v;
	return 0;
}
EXPORT_SYMBOL(kstrtoull);

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	bool neg = *s == '-';
	int err;

	if (*s == '-' || *s == '+')
		s++;
	err = kstrtoull(s, base, &v);
	if (err)
		return err;
	if (neg ? v > (unsigned long long)__LONG_LONG_MAX__ + 1 : v > __LONG_LONG_MAX__)
		return -ERANGE;
	*res = neg ? (long long)(0 - v) : (long long)v;
	return 0;
}
EXPORT_SYMBOL(kstrtoll);
