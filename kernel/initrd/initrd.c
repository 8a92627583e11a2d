/*
 * The initrd GRUB loaded as the Multiboot2 module "initrd": checked once at
 * boot (a rootfs initcall, as Linux unpacks its initramfs), then read in
 * place through the direct map by the module loader.
 */
#define pr_fmt(fmt) "initrd: " fmt

#include <kernel/args.h>
#include <kernel/console.h>
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/initrd.h>
#include <kernel/mm.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/shell.h>
#include <kernel/string.h>
#include "internal.h"

#define INITRD_MODULE_NAME "initrd" /* tools/mkiso.sh: module2 ... initrd */

static struct cpio_archive initrd_archive; /* empty until validated */
static bool initrd_valid;

int initrd_open(const char *path, struct initrd_file *f)
{
	struct cpio_entry e;
	int ret;

	if (!initrd_valid)
		return -ENOENT;
	ret = cpio_lookup(&initrd_archive, path, &e);
	if (ret)
		return ret;
	f->name = e.name;
	f->data = e.data;
	f->size = e.size;
	f->is_dir = cpio_is_dir(&e);
	return 0;
}

int initrd_list(const char *path,
		int (*fn)(void *arg, const char *name, size_t len, bool is_dir),
		void *arg)
{
	if (!initrd_valid)
		return -ENOENT;
	return cpio_list(&initrd_archive, path, fn, arg);
}

static const struct boot_module *__init initrd_find_module(void)
{
	for (size_t i = 0; i < boot_info.module_count; i++)
		if (!strcmp(boot_info.modules[i].name, INITRD_MODULE_NAME))
			return &boot_info.modules[i];
	return NULL;
}

/*
 * A bad initrd is reported here and boot goes on without it; the initcall
 * itself succeeded, so it returns 0 and initcall code adds no second line.
 */
/* excerpt: initrd-init */
static int __init initrd_init(void)
{
	const struct boot_module *mod = initrd_find_module();
	struct cpio_entry *index;
	char err[160];
	size_t size;
	int ret;

	if (!mod) {
		pr_notice("no boot module named \"%s\"; booting without one\n",
			  INITRD_MODULE_NAME);
		return 0;
	}
	/*
	 * A module lies in RAM below 4 GiB (its tag's addresses are 32-bit,
	 * Multiboot2 §3.6.6), all of which the direct map covers; the frame
	 * allocator keeps its frames reserved.
	 */
	size = mod->end - mod->start;
	ret = cpio_open(&initrd_archive, phys_to_virt(mod->start), size, err,
			sizeof(err));
	if (ret) {
		pr_err("rejected: %s; booting without it\n", err);
		return 0;
	}
	/*
	 * Lookups and listings search an index sorted by path (64 bytes an
	 * entry, kept for good, as the archive is): walking the archive made
	 * ls of a directory of 20,000 files take 25 seconds.  An empty
	 * archive needs none (kmalloc(0) may return NULL).
	 */
	index = kmalloc(initrd_archive.count * sizeof(*index), GFP_KERNEL);
	if (!index && initrd_archive.count) {
		pr_err("no memory to index its %zu entries; booting without it\n",
		       initrd_archive.count);
		return 0;
	}
	cpio_index(&initrd_archive, index);
	initrd_valid = true;
	pr_info("%zu entries, %zu bytes at %#lx\n", initrd_archive.count, size,
		(unsigned long)mod->start);
	return 0;
}
rootfs_initcall(initrd_init);
/* excerpt-end: initrd-init */
