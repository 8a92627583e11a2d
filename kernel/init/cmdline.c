/*
 * The kernel command line: split into key[=value] parameters and handed to
 * the handlers registered with early_param() and __setup().
 */
#include <kernel/args.h>
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/string.h>

/* As long as the boot information can carry (BOOT_CMDLINE_MAX). */
char saved_command_line[BOOT_CMDLINE_MAX];

extern const struct kernel_param_setup __setup_start[], __setup_end[];

static const struct kernel_param_setup *setup_find(const char *key)
{
	for (const struct kernel_param_setup *p = __setup_start;
	     p < __setup_end; p++)
		if (!strcmp(p->name, key))
			return p;
	return NULL;
}

/* Parameters for other parts: name.param=value (built-in module params). */
static bool handled_elsewhere(const char *key)
{
	return strchr(key, '.') != NULL;
}

void __init cmdline_parse(const char *cmdline, bool early)
{
	static char buf[BOOT_CMDLINE_MAX] __initdata;
	char *s = buf, *key, *val;
	const struct kernel_param_setup *p;

	strlcpy(buf, cmdline, sizeof(buf));
	while (args_next(&s, &key, &val)) {
		p = setup_find(key);
		if (p && p->early == early) {
			if (p->fn(val))
				pr_warn("Malformed kernel command line parameter: %s%s%s\n",
					key, val ? "=" : "", val ? val : "");
		} else if (!p && !early && !handled_elsewhere(key)) {
			pr_warn("Unknown kernel command line parameter \"%s\"\n",
				key);
		}
	}
}
