/*
 * What the kernel command line says about modules: module_blacklist=a,b
 * (modules that must not load, as in Linux), modules=a,b (loaded at boot
 * besides etc/modules) and name.param=value, the parameters of built-in
 * code and, when modprobe loads them, of loadable modules.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/modprobe.h>
#include <kernel/moduleparam.h>
#include <kernel/multiboot2.h>
#include <kernel/string.h>
#include "internal.h"

#define BLACKLIST_MAX 256
#define BOOT_MODULES_MAX 256

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
	const char *p = module_blacklist;
	size_t n;

	for (; *p; p += n + (p[n] == ',')) {
		n = strchr(p, ',') ? (size_t)(strchr(p, ',') - p) : strlen(p);
		if (n && modprobe_name_eq(p, n, name))
			return true;
	}
	return false;
}

/* modules=a,b: loaded with their dependencies after etc/modules. */
static char boot_modules[BOOT_MODULES_MAX] __initdata;

static int __init boot_modules_setup(const char *val)
{
	if (!val || !*val || strlen(val) >= sizeof(boot_modules))
		return -EINVAL;
	strlcpy(boot_modules, val, sizeof(boot_modules));
	return 0;
}
__setup("modules", boot_modules_setup);

size_t __init module_boot_list_next(size_t *pos, char name[MODULE_NAME_MAX])
{
	const char *p = boot_modules + *pos;
	size_t n;

	while (*p == ',')
		p++;
	for (n = 0; p[n] && p[n] != ','; n++)
		;
	*pos = (size_t)(p + n - boot_modules);
	if (n >= MODULE_NAME_MAX) {
		memcpy(name, p, MODULE_NAME_MAX - 1);
		name[MODULE_NAME_MAX - 1] = '\0';
		return MODULE_NAME_MAX;
	}
	memcpy(name, p, n);
	name[n] = '\0';
	return n;
}

int module_cmdline_args(const char *name, char *buf, size_t size)
{
	static char line[BOOT_CMDLINE_MAX];	/* one caller at a time */
	char *s = line, *key, *val, *dot;
	size_t used = 0;
	int n;

	buf[0] = '\0';
	strlcpy(line, saved_command_line, sizeof(line));
	while (cmdline_next(&s, &key, &val)) {
		dot = strchr(key, '.');
		if (!dot || !dot[1] ||
		    !modprobe_name_eq(key, (size_t)(dot - key), name))
			continue;
		/* A value with blanks goes back in quotes for the parser. */
		n = snprintf(buf + used, size - used, "%s%s%s%s%s%s",
			     used ? " " : "", dot + 1, val ? "=" : "",
			     val && strchr(val, ' ') ? "\"" : "", val ? val : "",
			     val && strchr(val, ' ') ? "\"" : "");
		if (n < 0 || (size_t)n >= size - used)
			return -E2BIG;
		used += (size_t)n;
	}
	return 0;
}

extern const struct kernel_param __start___param[], __stop___param[];

/*
 * Built-in code's parameters come from the command line as name.param=val.
 * A pure initcall: before any built-in driver's module_init runs.
 */
static int __init builtin_params_init(void)
{
	static char args[BOOT_CMDLINE_MAX] __initdata;

	strlcpy(args, saved_command_line, sizeof(args));
	return param_parse("kernel command line", args, __start___param,
			   (size_t)(__stop___param - __start___param), true);
}
pure_initcall(builtin_params_init);
