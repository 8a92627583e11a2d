/*
 * A parameter with its own setter and getter (module_param_cb), the
 * types module_param() of the params module does not cover (byte,
 * ullong, hexint, a string copied into an array) and a parameter of mode
 * 0, which has no file in /sys/module/param_cb/parameters.
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>

static int level = 1;
static int level_sets; /* how many times level_set accepted a value */
static unsigned char byteval = 7;
static unsigned long long big = 1ull << 40;
static unsigned int mask = 0xff;
static char label[8] = "none";
static int hidden = 3;

/* Only 0..9: the standard parser first, then the module's own rule. */
static int level_set(const char *val, const struct kernel_param *kp)
{
	int v, err;
	struct kernel_param tmp = *kp;

	tmp.arg = &v;
	err = param_set_int(val, &tmp);
	if (err)
		return err;
	if (v < 0 || v > 9)
		return -ERANGE;
	*(int *)kp->arg = v;
	level_sets++;
	return 0;
}

static int level_get(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "level %d\n", *(int *)kp->arg);
}

static const struct kernel_param_ops level_ops = {
	.set = level_set,
	.get = level_get,
};

module_param_cb(level, &level_ops, &level, 0644);
MODULE_PARM_DESC(level, "0 to 9, through the module's own setter");
module_param(byteval, byte, 0644);
module_param(big, ullong, 0444);
module_param(mask, hexint, 0600);
module_param_string(label, label, sizeof(label), 0644);
module_param(hidden, int, 0);

static int __init param_cb_init(void)
{
	pr_info("param_cb: level=%d sets=%d byteval=%u label=%s hidden=%d\n",
		level, level_sets, byteval, label, hidden);
	return 0;
}

static void __exit param_cb_exit(void)
{
	pr_info("param_cb: level=%d sets=%d\n", level, level_sets);
}

module_init(param_cb_init);
module_exit(param_cb_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("module_param_cb and the remaining parameter types");
