/*
 * Module parameters: the parsers behind module_param() for each type, the
 * comma-separated arrays, and param_parse(), which applies an argument
 * string ("a=1 s=text arr=1,2,3") to a module's __param table.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/moduleparam.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static int param_set_bool(const char *val, const struct kernel_param *kp)
{
	bool *b = kp->arg;

	/* A bare "name" means true, as in Linux. */
	if (!val || !strcmp(val, "1") || !strcmp(val, "y") ||
	    !strcmp(val, "Y") || !strcmp(val, "on") || !strcmp(val, "true"))
		*b = true;
	else if (!strcmp(val, "0") || !strcmp(val, "n") || !strcmp(val, "N") ||
		 !strcmp(val, "off") || !strcmp(val, "false"))
		*b = false;
	else
		return -EINVAL;
	return 0;
}

static int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool *b = kp->arg, v;
	struct kernel_param tmp = *kp;
	int err;

	tmp.arg = &v;
	err = param_set_bool(val, &tmp);
	if (!err)
		*b = !v;
	return err;
}

/* Signed integers: parse, then check the range of the variable's type. */
static int param_get_signed(const char *val, long long min, long long max,
			    long long *out)
{
	int err;

	if (!val)
		return -EINVAL;
	err = kstrtoll(val, 0, out);
	if (err)
		return err;
	return *out < min || *out > max ? -ERANGE : 0;
}

static int param_get_unsigned(const char *val, unsigned long long max,
			      unsigned long long *out)
{
	int err;

	/* kstrtoull would take "-1" as a huge number: refuse the sign. */
	if (!val || *val == '-')
		return -EINVAL;
	err = kstrtoull(val, 0, out);
	if (err)
		return err;
	return *out > max ? -ERANGE : 0;
}

#define PARAM_SIGNED(name, type, min, max)                                     \
	static int param_set_##name(const char *val,                           \
				    const struct kernel_param *kp)             \
	{                                                                      \
		long long v;                                                   \
		int err = param_get_signed(val, min, max, &v);                 \
		if (!err)                                                      \
			*(type *)kp->arg = (type)v;                            \
		return err;                                                    \
	}                                                                      \
	const struct kernel_param_ops param_ops_##name = { param_set_##name }; \
	EXPORT_SYMBOL(param_ops_##name)

#define PARAM_UNSIGNED(name, type, max)                                        \
	static int param_set_##name(const char *val,                           \
				    const struct kernel_param *kp)             \
	{                                                                      \
		unsigned long long v;                                          \
		int err = param_get_unsigned(val, max, &v);                    \
		if (!err)                                                      \
			*(type *)kp->arg = (type)v;                            \
		return err;                                                    \
	}                                                                      \
	const struct kernel_param_ops param_ops_##name = { param_set_##name }; \
	EXPORT_SYMBOL(param_ops_##name)

PARAM_SIGNED(short, short, INT16_MIN, INT16_MAX);
PARAM_UNSIGNED(ushort, unsigned short, UINT16_MAX);
PARAM_SIGNED(int, int, INT32_MIN, INT32_MAX);
PARAM_UNSIGNED(uint, unsigned int, UINT32_MAX);
PARAM_SIGNED(long, long, INT64_MIN, INT64_MAX);
PARAM_UNSIGNED(ulong, unsigned long, UINT64_MAX);

/* The string stays where param_parse() found it, in the argument copy. */
static int param_set_charp(const char *val, const struct kernel_param *kp)
{
	if (!val)
		return -EINVAL;
	*(const char **)kp->arg = val;
	return 0;
}

const struct kernel_param_ops param_ops_bool = { param_set_bool };
EXPORT_SYMBOL(param_ops_bool);
const struct kernel_param_ops param_ops_invbool = { param_set_invbool };
EXPORT_SYMBOL(param_ops_invbool);
const struct kernel_param_ops param_ops_charp = { param_set_charp };
EXPORT_SYMBOL(param_ops_charp);

/* lab: 10 array-set */
/* excerpt: param-array */
/*
 * One pass over "1,2,3": each element is cut out of the (writable) argument
 * string by replacing its comma with a NUL and given to the element type;
 * an empty element ("1,,3", "1,") is given as "", for the type to refuse.
 * A trial pass (@store false) parses into a scratch variable and puts the
 * commas back; the storing pass keeps them cut, so charp elements stay
 * valid.  The count of elements goes to *@count.
 */
static int param_array_pass(char *val, const struct kernel_param *kp,
			    bool store, unsigned int *count)
{
	const struct kparam_array *arr = kp->arr;
	uint64_t scratch[2]; /* the largest element type, and more */
	const char *rest = val, *item;
	unsigned int n = 0;
	size_t len;
	int err;

	while (strlist_next(&rest, &item, &len)) {
		struct kernel_param elem = *kp;
		char *p = val + (item - val); /* @item, writable */
		char end = p[len];	      /* its comma, or the final NUL */

		if (n == arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name,
			       arr->max);
			return -EINVAL;
		}
		p[len] = '\0';
		elem.arg =
			store ? (char *)arr->elem + (size_t)n * arr->elemsize :
				(void *)scratch;
		err = arr->ops->set(p, &elem);
		if (!store)
			p[len] = end;
		if (err)
			return err;
		n++;
	}
	*count = n;
	return 0;
}

/*
 * Every element is checked before the first is stored: a bad value leaves
 * the whole array as it was, never half written.
 */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int n;
	int err;

	if (!val || !*val || arr->elemsize > sizeof(uint64_t[2]))
		return -EINVAL;
	err = param_array_pass((char *)val, kp, false, &n);
	if (!err)
		err = param_array_pass((char *)val, kp, true, &n);
	if (!err && arr->num)
		*arr->num = n;
	return err;
}
/* excerpt-end: param-array */
/* lab-end: 10 array-set */

const struct kernel_param_ops param_array_ops = { param_array_set };
EXPORT_SYMBOL(param_array_ops);

static const struct kernel_param *param_find(const struct kernel_param *params,
					     size_t count, const char *name)
{
	for (size_t i = 0; i < count; i++)
		if (!strcmp(params[i].name, name))
			return &params[i];
	return NULL;
}

int param_parse(const char *who, char *args, const struct kernel_param *params,
		size_t count, bool skip_unknown)
{
	char *key, *val;
	const struct kernel_param *kp;
	int err, first = 0;

	/* As Linux's parse_args(): report every bad one, apply every good one. */
	while (args_next(&args, &key, &val)) {
		kp = param_find(params, count, key);
		if (!kp && skip_unknown)
			continue;
		if (!kp) {
			pr_err("%s: unknown parameter '%s'\n", who, key);
			err = -ENOENT;
		} else {
			err = kp->ops->set(val, kp);
			if (err)
				pr_err("%s: invalid value '%s' for parameter '%s' (%s)\n",
				       who, val ? val : "", key,
				       errno_name(err));
		}
		if (err && !first)
			first = err;
	}
	return first;
}
