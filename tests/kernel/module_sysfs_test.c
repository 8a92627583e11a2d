/*
 * In-kernel tests of /sys/module/<name>/: each parameter type read with
 * Linux's format and written through its parser, a module_param_cb
 * parameter set from insmod, from the command line (as modprobe reads
 * it) and from sysfs, a mode-0 parameter absent, refcnt, initstate and
 * sections/ against the module's own record, built-in code's parameters,
 * and the directory gone at rmmod even with a parameter file open.
 */
#include <kernel/cmdline.h>
#include <kernel/errno.h>
#include <kernel/fs.h>
#include <kernel/ktest.h>
#include <kernel/mm.h>
#include <kernel/modprobe.h>
#include <kernel/multiboot2.h>
#include <kernel/module.h>
#include <kernel/string.h>
#include "modfiles.h"
#include "files.h"

#define PARAMS "/sys/module/params/parameters/"
#define CB "/sys/module/param_cb/"

/* A parameter of built-in code: /sys/module/module_sysfs_test/. */
static int knob = 1, knob_sets;

static int knob_set(const char *val, const struct kernel_param *kp)
{
	knob_sets++;
	return param_set_int(val, kp);
}

static const struct kernel_param_ops knob_ops = {
	.set = knob_set,
	.get = param_get_int,
};
module_param_cb(knob, &knob_ops, &knob, 0644);

static void *param_var(const char *module, const char *name)
{
	struct module *mod = module_find(module);

	for (size_t i = 0; mod && i < mod->num_params; i++)
		if (!strcmp(mod->params[i].name, name))
			return mod->params[i].arg;
	return NULL;
}

static void each_type_reads_in_linux_format(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t,
		     ktest_load_quiet("params",
				      "flag noflag=1 small=-5 count=-3 "
				      "ucount=0x10 big=-7 ubig=9 "
				      "name=\"two words\" list=1,2,3"),
		     0);
	KT_EXPECT(t, ktest_reads(PARAMS "flag", "Y\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "noflag", "Y\n")); /* noflag=1: false */
	KT_EXPECT(t, ktest_reads(PARAMS "small", "-5\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "usmall", "1\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "count", "-3\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "ucount", "16\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "big", "-7\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "ubig", "9\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "name", "two words\n"));
	KT_EXPECT(t, ktest_reads(PARAMS "list", "1,2,3\n"));
	KT_EXPECT(t,
		  ktest_reads(PARAMS "level", "3\n")); /* module_param_named */
	KT_EXPECT_EQ(t, ktest_load_quiet("param_cb", NULL), 0);
	KT_EXPECT(t, ktest_reads(CB "parameters/byteval", "7\n"));
	KT_EXPECT(t, ktest_reads(CB "parameters/big", "1099511627776\n"));
	KT_EXPECT(t, ktest_reads(CB "parameters/mask", "0x0000ff\n"));
	KT_EXPECT(t, ktest_reads(CB "parameters/label", "none\n"));
	KT_EXPECT(t, ktest_reads(CB "parameters/level", "level 1\n"));
	KT_EXPECT_EQ(t, ktest_remove_quiet("param_cb"), 0);
	KT_EXPECT_EQ(t, ktest_remove_quiet("params"), 0);
}

static void writes_go_through_the_parser(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, ktest_load_quiet("params", NULL), 0);
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "count", "7\n"), 2);
	KT_EXPECT_EQ(t, *(int *)param_var("params", "count"), 7);
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "count", "abc"), -EINVAL);
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "small", "70000"), -ERANGE);
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "ucount", "-1"), -EINVAL);
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "flag", "maybe"), -EINVAL);
	KT_EXPECT_EQ(t, *(int *)param_var("params", "count"), 7);
	KT_EXPECT(t, ktest_reads(PARAMS "count", "7\n"));
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "level", "1"),
		     -EACCES); /* 0444 */
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "name", "fresh"), 5);
	KT_EXPECT(t, ktest_reads(PARAMS "name", "fresh\n"));
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "list", "4,5"), 3);
	KT_EXPECT(t, ktest_reads(PARAMS "list", "4,5\n"));
	KT_EXPECT_EQ(t, ktest_write_str(PARAMS "flag", "y\n"), 2);
	KT_EXPECT(t, ktest_reads(PARAMS "flag", "Y\n"));
	KT_EXPECT_EQ(t, ktest_remove_quiet("params"), 0);
}

/* Appended to the command line for one modprobe, as if booted with it. */
static int modprobe_with_cmdline(const char *extra)
{
	size_t len = strlen(saved_command_line);
	int ret;

	strlcpy(saved_command_line + len, extra, BOOT_CMDLINE_MAX - len);
	ret = modprobe("param_cb", NULL);
	saved_command_line[len] = '\0';
	return ret;
}

static void param_cb_from_insmod_cmdline_and_sysfs(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, ktest_load_quiet("param_cb", "level=5"), 0);
	KT_EXPECT(t, ktest_reads(CB "parameters/level", "level 5\n"));
	KT_EXPECT_EQ(t, ktest_write_str(CB "parameters/level", "8\n"), 2);
	KT_EXPECT(t, ktest_reads(CB "parameters/level", "level 8\n"));
	KT_EXPECT_EQ(t, ktest_write_str(CB "parameters/level", "12"), -ERANGE);
	KT_EXPECT_EQ(t, ktest_write_str(CB "parameters/level", "x"), -EINVAL);
	KT_EXPECT(t, ktest_reads(CB "parameters/level", "level 8\n"));
	KT_EXPECT_EQ(t, ktest_remove_quiet("param_cb"), 0);
	KT_EXPECT_EQ(t, ktest_load_quiet("param_cb", "level=12"), -ERANGE);
	KT_EXPECT(t, !ktest_exists(CB));
	KT_EXPECT_EQ(t, modprobe_with_cmdline(" param_cb.level=4"), 0);
	KT_EXPECT(t, ktest_reads(CB "parameters/level", "level 4\n"));
	KT_EXPECT_EQ(t, ktest_remove_quiet("param_cb"), 0);
}

static void mode_zero_parameter_is_absent(struct ktest *t)
{
	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, ktest_load_quiet("param_cb", "hidden=4"), 0);
	KT_EXPECT(t, ktest_exists(CB "parameters/byteval"));
	KT_EXPECT(t, !ktest_exists(CB "parameters/hidden"));
	KT_EXPECT_EQ(t, *(int *)param_var("param_cb", "hidden"), 4);
	KT_EXPECT_EQ(t, ktest_remove_quiet("param_cb"), 0);
}

/* Each section's file says where the loader put it, as gdb reads it. */
static void sections_match_the_module(struct ktest *t, struct module *mod)
{
	char path[96], want[32];
	struct path p;

	KT_EXPECT(t, mod->num_sections > 0);
	for (size_t i = 0; i < mod->num_sections; i++) {
		snprintf(path, sizeof(path), "/sys/module/%s/sections/%s",
			 mod->name, mod->sections[i].name);
		snprintf(want, sizeof(want), "0x%016lx\n",
			 (unsigned long)mod->sections[i].addr);
		if (!ktest_reads(path, want))
			ktest_fail(t, __FILE__, __LINE__, "%s is not %s", path,
				   want);
	}
	KT_EXPECT_EQ(t, kern_path("/sys/module/params/sections/.text", 0, &p),
		     0);
	KT_EXPECT_EQ(t, p.dentry->d_inode->i_mode, S_IFREG | 0400);
	path_put(&p);
}

static void refcnt_initstate_and_sections(struct ktest *t)
{
	struct module *mod;

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, ktest_load_quiet("params", NULL), 0);
	mod = module_find("params");
	if (!mod)
		return;
	KT_EXPECT(t, ktest_reads("/sys/module/params/refcnt", "0\n"));
	KT_EXPECT(t, try_module_get(mod));
	KT_EXPECT(t, ktest_reads("/sys/module/params/refcnt", "1\n"));
	KT_EXPECT_EQ(t, ktest_remove_quiet("params"), -EBUSY);
	module_put(mod);
	KT_EXPECT(t, ktest_reads("/sys/module/params/initstate", "live\n"));
	KT_EXPECT(t, ktest_reads("/sys/module/params/initsize", "0\n"));
	sections_match_the_module(t, mod);
	KT_EXPECT_EQ(t, ktest_remove_quiet("params"), 0);
}

/* rmmod with a parameter file open: the file fails, nothing calls in. */
static void directory_goes_at_rmmod_even_while_open(struct ktest *t)
{
	struct mm_stats before, after;
	struct file *open;
	loff_t pos = 0;
	char buf[8];

	if (!ktest_have_module_files(t))
		return;
	KT_EXPECT_EQ(t, ktest_load_quiet("params", "name=x"), 0);
	KT_EXPECT_EQ(t, file_open_name(PARAMS "count", O_RDWR, 0, &open), 0);
	KT_EXPECT_EQ(t, ktest_remove_quiet("params"), 0);
	KT_EXPECT(t, !ktest_exists("/sys/module/params"));
	KT_EXPECT_EQ(t, kernel_read(open, buf, sizeof(buf), &pos), -ENODEV);
	KT_EXPECT_EQ(t, kernel_write(open, "1", 1, &pos), -ENODEV);
	filp_close(open);
	/* One round first: the heap settles (kmalloc_trim at rmmod). */
	for (int i = 0; i <= 20; i++) {
		if (i == 1)
			mm_get_stats(&before);
		ktest_load_quiet("params", "name=abc");
		ktest_write_str(PARAMS "name", "longer value");
		ktest_reads(PARAMS "name", "");
		ktest_remove_quiet("params");
	}
	mm_get_stats(&after);
	ktest_same_mm(t, "20 loads with sysfs writes", &before, &after);
}

static void builtin_parameters_have_a_directory(struct ktest *t)
{
	int sets = knob_sets;

	KT_EXPECT(t,
		  ktest_reads("/sys/module/module_sysfs_test/parameters/knob",
			      "1\n"));
	KT_EXPECT_EQ(t,
		     ktest_write_str("/sys/module/module_sysfs_test/parameters/knob",
				     "6"),
		     1);
	KT_EXPECT_EQ(t, knob, 6);
	KT_EXPECT_EQ(t, knob_sets, sets + 1);
	knob = 1;
	KT_EXPECT(t, !ktest_exists("/sys/module/module_sysfs_test/refcnt"));
}

KTEST_SUITE(module_sysfs, KTEST_CASE(each_type_reads_in_linux_format),
	    KTEST_CASE(writes_go_through_the_parser),
	    KTEST_CASE(param_cb_from_insmod_cmdline_and_sysfs),
	    KTEST_CASE(mode_zero_parameter_is_absent),
	    KTEST_CASE(refcnt_initstate_and_sections),
	    KTEST_CASE(directory_goes_at_rmmod_even_while_open),
	    KTEST_CASE(builtin_parameters_have_a_directory));
