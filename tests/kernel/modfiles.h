/*
 * What the in-kernel suites that load modules share: whether the module
 * files are there at all, and loads and removals with the refusals' own
 * messages kept off the console (suites that refuse hundreds of loads).
 */
#ifndef TESTS_KERNEL_MODFILES_H
#define TESTS_KERNEL_MODFILES_H

#include <kernel/ktest.h>

/*
 * ktest_have_module_files - true if the module files (initrd or GRUB boot
 * modules) can be found; false, with a KTAP note that @t was skipped, if not.
 */
bool ktest_have_module_files(struct ktest *t);

/*
 * ktest_have_module - true if the file of module @name can be found;
 * false, with a KTAP note that @t was skipped and @where the file comes
 * from, if not.
 */
bool ktest_have_module(struct ktest *t, const char *name, const char *where);

/*
 * ktest_load_quiet - load module file @name with @args (may be NULL);
 * ktest_remove_quiet - remove module @name.  Both print only errors above
 * KERN_ERR while they run.  0 or the loader's -errno (-ENOENT: no file).
 */
int ktest_load_quiet(const char *name, const char *args);
int ktest_remove_quiet(const char *name);

#endif
