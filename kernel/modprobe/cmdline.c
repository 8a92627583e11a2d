/*
 * What the kernel command line says to modprobe: modules=a,b (loaded at
 * boot besides etc/modules) and name.param=value, the parameters of
 * loadable modules that modprobe loads.
 */
#include <kernel/args.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/multiboot2.h>
#include <kernel/string.h>
#include "internal.h"

#define BOOT_MODULES_MAX 256

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

size_t __init modprobe_boot_list_next(size_t *pos, char name[MODULE_NAME_LEN])
{
	const char *rest = boot_modules + *pos, *item;
	size_t n;

	/* Empty items (",," or a comma at either end) name no module. */
	do {
		if (!strlist_next(&rest, &item, &n))
			return 0;
	} while (!n);
	*pos = rest ? (size_t)(rest - boot_modules) : strlen(boot_modules);
	if (n >= MODULE_NAME_LEN) {
		memcpy(name, item, MODULE_NAME_LEN - 1);
		name[MODULE_NAME_LEN - 1] = '\0';
		return MODULE_NAME_LEN;
	}
	memcpy(name, item, n);
	name[n] = '\0';
	return n;
}

int modprobe_cmdline_args(const char *name, char *buf, size_t size)
{
	static char line[BOOT_CMDLINE_MAX]; /* one caller at a time */
	char *s = line, *key, *val, *dot;
	size_t used = 0, start, end;
	int n;

	buf[0] = '\0';
	strlcpy(line, saved_command_line, sizeof(line));
	while (args_next(&s, &key, &val)) {
		dot = strchr(key, '.');
		if (!dot || !dot[1] ||
		    !module_name_eq(key, (size_t)(dot - key), name))
			continue;
		/*
		 * Hand on the word as written, quotes and all, for the
		 * parameter parser to read once: args_next() moves text only
		 * to the left, so the word is at the same offsets in
		 * saved_command_line; the blank it stopped at is not part of it.
		 */
		start = (size_t)(key - line);
		end = (size_t)(s - line);
		if (end > start && (saved_command_line[end - 1] == ' ' ||
				    saved_command_line[end - 1] == '\t'))
			end--;
		/* The word has a dot (key has one), so this one is in it. */
		dot = strchr(saved_command_line + start, '.');
		n = snprintf(buf + used, size - used, "%s%.*s", used ? " " : "",
			     (int)(saved_command_line + end - dot - 1),
			     dot + 1);
		if (n < 0 || (size_t)n >= size - used)
			return -E2BIG;
		used += (size_t)n;
	}
	return 0;
}
