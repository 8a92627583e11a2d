/*
 * Module parameters: the parsers and printers behind module_param() for
 * each type, the comma-separated arrays, and param_parse(), which applies
 * an argument string ("a=1 s=text arr=1,2,3") to a module's __param
 * table.  One lock holds the values still while one is set or read.
 */
#include <kernel/args.h>
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/mm.h>
#include <kernel/moduleparam.h>
#include <kernel/mutex.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include <kernel/string.h>

/* One lock over every parameter's value, as Linux's param_lock. */
static struct mutex param_lock = MUTEX_INITIALIZER(param_lock);

void kernel_param_lock(struct module *mod)
{
	mutex_lock_at(&param_lock, TASK_UNINTERRUPTIBLE, _THIS_IP_);
}
EXPORT_SYMBOL(kernel_param_lock);

void kernel_param_unlock(struct module *mod)
{
	mutex_unlock_at(&param_lock, _THIS_IP_);
}
EXPORT_SYMBOL(kernel_param_unlock);

/*
 * Linux's kstrtobool(): the first character decides ("1", "y", "Y",
 * "t", "on" true; "0", "n", "N", "f", "off" false), so "yes\n" from a
 * sysfs write is true.  A bare "name" means true, as in Linux.
 */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	bool *b = kp->arg;

	if (!val)
		val = "1";
	switch (val[0]) {
	case '1':
	case 'y':
	case 'Y':
	case 't':
	case 'T':
		*b = true;
		return 0;
	case '0':
	case 'n':
	case 'N':
	case 'f':
	case 'F':
		*b = false;
		return 0;
	case 'o':
	case 'O':
		if (val[1] == 'n' || val[1] == 'N' || val[1] == 'f' ||
		    val[1] == 'F') {
			*b = val[1] == 'n' || val[1] == 'N';
			return 0;
		}
	}
	return -EINVAL;
}
EXPORT_SYMBOL(param_set_bool);

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%c\n",
			 *(bool *)kp->arg ? 'Y' : 'N');
}
EXPORT_SYMBOL(param_get_bool);

int param_set_invbool(const char *val, const struct kernel_param *kp)
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
EXPORT_SYMBOL(param_set_invbool);

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%c\n",
			 *(bool *)kp->arg ? 'N' : 'Y');
}
EXPORT_SYMBOL(param_get_invbool);

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

/*
 * One standard integer type: its setter, its getter printing with
 * Linux's format, and its ops.  @wide is the type the value is widened
 * to for parsing and printing.
 */
#define PARAM_INTEGER(name, type, wide, parse, fmt)                          \
	int param_set_##name(const char *val, const struct kernel_param *kp) \
	{                                                                    \
		wide v;                                                      \
		int err = parse;                                             \
		if (!err)                                                    \
			*(type *)kp->arg = (type)v;                          \
		return err;                                                  \
	}                                                                    \
	EXPORT_SYMBOL(param_set_##name);                                     \
	int param_get_##name(char *buffer, const struct kernel_param *kp)    \
	{                                                                    \
		return scnprintf(buffer, PAGE_SIZE, fmt "\n",                \
				 (wide) * (type *)kp->arg);                  \
	}                                                                    \
	EXPORT_SYMBOL(param_get_##name);                                     \
	const struct kernel_param_ops param_ops_##name = {                   \
		.set = param_set_##name,                                     \
		.get = param_get_##name,                                     \
	};                                                                   \
	EXPORT_SYMBOL(param_ops_##name)

#define PARAM_SIGNED(name, type, min, max)   \
	PARAM_INTEGER(name, type, long long, \
		      param_get_signed(val, min, max, &v), "%lld")
#define PARAM_UNSIGNED(name, type, max, fmt)          \
	PARAM_INTEGER(name, type, unsigned long long, \
		      param_get_unsigned(val, max, &v), fmt)

PARAM_UNSIGNED(byte, unsigned char, UINT8_MAX, "%llu");
PARAM_SIGNED(short, short, INT16_MIN, INT16_MAX);
PARAM_UNSIGNED(ushort, unsigned short, UINT16_MAX, "%llu");
PARAM_SIGNED(int, int, INT32_MIN, INT32_MAX);
PARAM_UNSIGNED(uint, unsigned int, UINT32_MAX, "%llu");
PARAM_SIGNED(long, long, INT64_MIN, INT64_MAX);
PARAM_UNSIGNED(ulong, unsigned long, UINT64_MAX, "%llu");
PARAM_UNSIGNED(ullong, unsigned long long, UINT64_MAX, "%llu");
PARAM_UNSIGNED(hexint, unsigned int, UINT32_MAX, "%#08llx");

const struct kernel_param_ops param_ops_bool = {
	.set = param_set_bool,
	.get = param_get_bool,
};
EXPORT_SYMBOL(param_ops_bool);
const struct kernel_param_ops param_ops_invbool = {
	.set = param_set_invbool,
	.get = param_get_invbool,
};
EXPORT_SYMBOL(param_ops_invbool);

/* lab: 10 array-set */
/* excerpt: param-array */
/*
 * One pass over "1,2,3": each element is cut out of the (writable) argument
 * string by replacing its comma with a NUL and given to the element type;
 * an empty element ("1,,3", "1,") is given as "", for the type to refuse.
 * A trial pass (@store false) parses into a scratch variable (freeing
 * the copy a charp element makes) and puts the commas back; the storing
 * pass stores into the array.  The count of elements goes to *@count.
 */
static int param_array_pass(char *val, const struct kernel_param *kp,
			    bool store, unsigned int *count)
{
	const struct kparam_array *arr = kp->arr;
	uint64_t scratch[2] = { 0 }; /* the largest element type, and more */
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
		if (!store) {
			p[len] = end;
			if (!err && arr->ops->free)
				arr->ops->free(scratch);
		}
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

/* The elements' values, comma-separated, as Linux's param_array_get(). */
static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	unsigned int n = arr->num ? *arr->num : arr->max;
	struct kernel_param elem = *kp;
	int off = 0, ret;

	if (!arr->ops->get)
		return -EPERM;
	for (unsigned int i = 0; i < n; i++) {
		if (i)
			buffer[off - 1] = ','; /* the element's newline */
		elem.arg = (char *)arr->elem + (size_t)i * arr->elemsize;
		ret = arr->ops->get(buffer + off, &elem);
		if (ret < 0)
			return ret;
		off += ret;
	}
	if (!n)
		buffer[off++] = '\n';
	buffer[off] = '\0';
	return off;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;

	if (!arr->ops->free)
		return;
	for (unsigned int i = 0; i < arr->max; i++)
		arr->ops->free((char *)arr->elem + (size_t)i * arr->elemsize);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};
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

	kernel_param_lock(NULL);
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
	kernel_param_unlock(NULL);
	return first;
}

void param_free_all(const struct kernel_param *params, size_t count)
{
	kernel_param_lock(NULL);
	for (size_t i = 0; i < count; i++)
		if (params[i].ops->free)
			params[i].ops->free(params[i].arg);
	kernel_param_unlock(NULL);
}
