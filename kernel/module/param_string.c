/*
 * String parameters.  charp keeps a kmalloc'd copy of its value, so that
 * a value written through sysfs outlives the write's buffer; the copies
 * are listed (as Linux's kmalloced_params) so that a later set or the
 * module's unload frees a copy and never the module's own initial string.
 * module_param_string() copies into a fixed char array of the module's.
 */
#include <kernel/errno.h>
#include <kernel/export.h>
#include <kernel/list.h>
#include <kernel/mm.h>
#include <kernel/moduleparam.h>
#include <kernel/printk.h>
#include <kernel/slab.h>
#include <kernel/string.h>

#define CHARP_MAX 1024 /* bytes a charp value may have, as Linux */

/* A copy charp made; the value is the string after the list head. */
struct charp_copy {
	struct list_head list;
	char val[];
};

/* Every live copy, under kernel_param_lock (param_parse() holds it). */
static LIST_HEAD(charp_copies);

/* Free @p if it is a copy charp made; anything else is not ours. */
static void charp_maybe_free(char *p)
{
	struct charp_copy *c;

	list_for_each_entry(c, &charp_copies, list)
		if (c->val == p) {
			list_del(&c->list);
			kfree(c);
			return;
		}
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	size_t len = val ? strlen(val) : 0;
	struct charp_copy *c;

	if (!val)
		return -EINVAL;
	if (len > CHARP_MAX) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	c = kmalloc(sizeof(*c) + len + 1, GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	memcpy(c->val, val, len + 1);
	charp_maybe_free(*(char **)kp->arg);
	list_add(&c->list, &charp_copies);
	*(char **)kp->arg = c->val;
	return 0;
}
EXPORT_SYMBOL(param_set_charp);

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	const char *s = *(const char **)kp->arg;

	return scnprintf(buffer, PAGE_SIZE, "%s\n", s ? s : "(null)");
}
EXPORT_SYMBOL(param_get_charp);

void param_free_charp(void *arg)
{
	charp_maybe_free(*(char **)arg);
}
EXPORT_SYMBOL(param_free_charp);

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};
EXPORT_SYMBOL(param_ops_charp);

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

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", kp->str->string);
}
EXPORT_SYMBOL(param_get_string);

const struct kernel_param_ops param_ops_string = {
	.set = param_set_copystring,
	.get = param_get_string,
};
EXPORT_SYMBOL(param_ops_string);
