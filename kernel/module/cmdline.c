/*
 * What the kernel command line says to the loader: module_blacklist=a,b
 * (modules that must not load, as in Linux) and name.param=value, the
 * parameters of built-in code.  modprobe reads modules=a,b and loadable
 * modules' name.param=value itself.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/moduleparam.h>
#include <kernel/slab.h>
#include <kernel/string.h>
#include "internal.h"

#define BLACKLIST_MAX 256

/* module_blacklist=a,b: modules that must not load (as in Linux). */
static char module_blacklist[BLACKLIST_MAX];

static int __init module_blacklist_setup(const char *val)
{
	if (!val || strlen(val) >= sizeof(module_blacklist))
		return -EINVAL;
	strlcpy(module_blacklist, val, sizeof(module_blacklist));
	return 0;
}
__setup("module_blacklist", module_blacklist_setup);

bool module_blacklisted(const char *name)
{
	const char *rest = module_blacklist, *item;
	size_t len;

	/* An empty item (",," or a trailing comma) names no module. */
	while (strlist_next(&rest, &item, &len))
		if (len && module_name_eq(item, len, name))
			return true;
	return false;
}

extern const struct kernel_param __start___param[], __stop___param[];

/*
 * Built-in code's parameters come from the command line as name.param=val.
 * A pure initcall: before any built-in driver's module_init runs.  The
 * parsed copy is never freed: a charp parameter points into it for the
 * kernel's life (Linux's static_command_line).
 */
static int __init builtin_params_init(void)
{
	char *args = kstrdup(saved_command_line, GFP_KERNEL);

	if (!args)
		return -ENOMEM;
	return param_parse("kernel command line", args, __start___param,
			   (size_t)(__stop___param - __start___param), true);
}
pure_initcall(builtin_params_init);
