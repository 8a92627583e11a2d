/*
 * The VFS on the host: namei.c, dtree.c, dcache.c, the file and directory
 * calls and ramfs, built as they are, with small stand-ins for the kernel
 * around them (one thread, no locks, no user memory), so that a host test
 * runs kernel code that makes files, as the cpio unpacker, on a real
 * ramfs.  Needs host.c (kmalloc, printk) beside it.
 */
#ifndef FUZZ_HOST_VFS_H
#define FUZZ_HOST_VFS_H

/*
 * host_rootfs_mount - mount an empty ramfs as the root and the working
 * directory, as init_mount_tree() does (the first call runs the
 * registrations the built files make).  host_rootfs_umount - take it down,
 * every name and inode in it freed.
 */
void host_rootfs_mount(void);
void host_rootfs_umount(void);

#endif
