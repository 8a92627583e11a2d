/*
 * module_param_string(): a parameter copied into a fixed char array of the
 * module's, rather than pointed at (charp).  Linux's wording for a value
 * that does not fit.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/moduleparam.h>
#include <kernel/printk.h>
#include <kernel/string.h>

static int param_set_copystring(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val)
		return -EINVAL;
	if (strlen(val) + 1 > kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n", kp->name,
		       kps->maxlen - 1);
		return -ENOSPC;
	}
	memcpy(kps->string, val, strlen(val) + 1);
	return 0;
}

const struct kernel_param_ops param_ops_string = { param_set_copystring };
EXPORT_SYMBOL(param_ops_string);
