/*
 * The initrd: a cpio "newc" archive GRUB loads as a Multiboot2 module.  At
 * boot it is unpacked into the root file system, which everything reads,
 * and its memory is freed (the reader and unpacker are private to
 * kernel/initrd/).
 */
#ifndef KERNEL_INITRD_H
#define KERNEL_INITRD_H

/*
 * initrd_start, initrd_end - the archive in the direct map, [start, end),
 * as Linux's: set at rootfs_initcall when GRUB loaded one, back to 0 when
 * its memory is freed after unpacking.  With "retain_initrd" on the
 * command line it is kept, and these keep pointing at it.
 */
extern unsigned long initrd_start, initrd_end;

#endif
