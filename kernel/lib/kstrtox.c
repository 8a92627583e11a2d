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
	if (!*s || *s == '\n')
		return -EINVAL;
	for (; *s; s++) {
		if (*s == '\n' && !s[1])
			break; /* one final newline, as Linux (a sysfs write) */
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
	if (neg ? v > (unsigned long long)__LONG_LONG_MAX__ + 1 :
		  v > __LONG_LONG_MAX__)
		return -ERANGE;
	*res = neg ? (long long)(0 - v) : (long long)v;
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

/* kstrtoll, then a range check for the narrower signed type. */
static int kstrto_signed(const char *s, unsigned int base, long long min,
			 long long max, long long *res)
{
	int err = kstrtoll(s, base, res);

	if (!err && (*res < min || *res > max))
		return -ERANGE;
	return err;
}

static int kstrto_unsigned(const char *s, unsigned int base,
			   unsigned long long max, unsigned long long *res)
{
	int err = kstrtoull(s, base, res);

	if (!err && *res > max)
		return -ERANGE;
	return err;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int err = kstrto_signed(s, base, -__INT_MAX__ - 1, __INT_MAX__, &v);

	if (!err)
		*res = (int)v;
	return err;
}
EXPORT_SYMBOL(kstrtoint);

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int err = kstrto_unsigned(s, base, (unsigned)__INT_MAX__ * 2u + 1u, &v);

	if (!err)
		*res = (unsigned int)v;
	return err;
}
EXPORT_SYMBOL(kstrtouint);

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int err = kstrto_signed(s, base, -__LONG_MAX__ - 1, __LONG_MAX__, &v);

	if (!err)
		*res = (long)v;
	return err;
}
EXPORT_SYMBOL(kstrtol);

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int err = kstrto_unsigned(s, base, __LONG_MAX__ * 2ul + 1ul, &v);

	if (!err)
		*res = (unsigned long)v;
	return err;
}
EXPORT_SYMBOL(kstrtoul);

int kstrtobool(const char *s, bool *res)
{
	static const char *const yes[] = { "y", "Y", "1", "on", "ON", "On" };
	static const char *const no[] = { "n", "N", "0", "off", "OFF", "Off" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (!strcmp(s, yes[i]))
			return *res = true, 0;
		if (!strcmp(s, no[i]))
			return *res = false, 0;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);
