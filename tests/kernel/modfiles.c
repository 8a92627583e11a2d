/*
 * Module files for the in-kernel suites: found, loaded and removed the same
 * way by every suite that needs them (tests/kernel/modfiles.h).
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/modprobe.h>
#include <kernel/printk.h>
#include "modfiles.h"

/* Loud enough for a crash, quiet for the refusals the suites provoke. */
#define QUIET_LOGLEVEL 3

bool ktest_have_module_files(struct ktest *t)
{
	const void *buf;
	size_t len;

	if (modprobe_file("hello", &buf, &len) == 0) {
		kfree((void *)buf);
		return true;
	}
	printk(KERN_INFO
	       "        # %s: no module files (initrd or GRUB): skipped\n",
	       t->name);
	return false;
}

bool ktest_have_module(struct ktest *t, const char *name, const char *where)
{
	const void *buf;
	size_t len;

	if (modprobe_file(name, &buf, &len) == 0) {
		kfree((void *)buf);
		return true;
	}
	printk(KERN_INFO "        # %s: no %s.ko (%s): skipped\n", t->name,
	       name, where);
	return false;
}

int ktest_load_quiet(const char *name, const char *args)
{
	int saved = console_loglevel, ret;
	const void *buf;
	size_t len;

	if (modprobe_file(name, &buf, &len))
		return -ENOENT;
	console_loglevel = QUIET_LOGLEVEL;
	ret = load_module(name, buf, len, args);
	console_loglevel = saved;
	kfree((void *)buf);
	return ret;
}

int ktest_remove_quiet(const char *name)
{
	int saved = console_loglevel, ret;

	console_loglevel = QUIET_LOGLEVEL;
	ret = remove_module(name);
	console_loglevel = saved;
	return ret;
}
