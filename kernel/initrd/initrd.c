/*
 * The initrd GRUB loaded as the Multiboot2 module "initrd": found and
 * checked at rootfs_initcall, unpacked into the root file system (as
 * Linux's populate_rootfs()), which everything else reads, then freed
 * unless "retain_initrd" asks to keep it.
 */
#define pr_fmt(fmt) fmt

#include <kernel/init.h>
#include <kernel/initrd.h>
#include <kernel/mm.h>
#include <kernel/multiboot2.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define INITRD_MODULE_NAME "initrd" /* tools/mkiso.sh: module2 ... initrd */

unsigned long initrd_start, initrd_end;
static bool do_retain_initrd __initdata;

/* Linux's "retain_initrd": keep the archive's memory after unpacking. */
static int __init retain_initrd_param(const char *val)
{
	do_retain_initrd = true;
	return 0;
}
__setup("retain_initrd", retain_initrd_param);

static struct boot_module *__init initrd_boot_module(void)
{
	for (size_t i = 0; i < boot_info.module_count; i++)
		if (!strcmp(boot_info.modules[i].name, INITRD_MODULE_NAME))
			return &boot_info.modules[i];
	return NULL;
}

/*
 * Find the initrd and check it whole: a bad one is reported here and boot
 * goes on; the unpacking then keeps what lies before the damage, as
 * Linux's does.
 */
/* excerpt: initrd-init */
static void __init initrd_init(void)
{
	const struct boot_module *mod = initrd_boot_module();
	struct cpio_archive ar;
	char err[160];
	size_t size;

	if (!mod) {
		pr_notice("initrd: no boot module named \"%s\"; booting without one\n",
			  INITRD_MODULE_NAME);
		return;
	}
	/*
	 * A module lies in RAM below 4 GiB (its tag's addresses are 32-bit,
	 * Multiboot2 §3.6.6), all of which the direct map covers; the frame
	 * allocator keeps its frames reserved until they are freed.
	 */
	size = mod->end - mod->start;
	initrd_start = (unsigned long)phys_to_virt(mod->start);
	initrd_end = initrd_start + size;
	if (cpio_open(&ar, (const void *)initrd_start, size, err, sizeof(err)))
		pr_err("initrd: rejected: %s; booting without it\n", err);
	else
		pr_info("initrd: %zu entries, %zu bytes at %#lx\n", ar.count,
			size, (unsigned long)mod->start);
}
/* excerpt-end: initrd-init */

/*
 * As Linux's free_initrd_mem(): the archive's frames go to the allocator.
 * Its boot module goes too, so that nothing (insmod of a boot module by
 * name) finds the freed memory through it.
 */
static void __init free_initrd_mem(unsigned long start, unsigned long end)
{
	struct boot_module *mod = initrd_boot_module();
	size_t i = (size_t)(mod - boot_info.modules);

	free_reserved_area((void *)start, (void *)end, POISON_FREE_INITMEM,
			   "initrd");
	boot_info.module_count--;
	memmove(mod, mod + 1, (boot_info.module_count - i) * sizeof(*mod));
}

/*
 * The initrd is unpacked whole at rootfs_initcall, as Linux's
 * populate_rootfs(): after the root is mounted (fs_initcall_sync), before
 * anything reads a file (modules load at late_initcall_sync).  A bad
 * member is reported and boot goes on with what was unpacked before it;
 * the initcall itself succeeded, so it returns 0 and initcall code adds
 * no second line.
 */
/* excerpt: populate-rootfs */
static int __init populate_rootfs(void)
{
	char err[160];

	initrd_init();
	if (!initrd_start)
		return 0; /* initrd_init() said so */
	pr_info("Unpacking initramfs...\n");
	if (unpack_to_rootfs((const void *)initrd_start,
			     initrd_end - initrd_start, err, sizeof(err)))
		pr_emerg("Initramfs unpacking failed: %s\n", err);
	if (do_retain_initrd)
		return 0;
	free_initrd_mem(initrd_start, initrd_end);
	initrd_start = 0;
	initrd_end = 0;
	return 0;
}
rootfs_initcall(populate_rootfs);
/* excerpt-end: populate-rootfs */
