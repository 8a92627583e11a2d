/*
 * The initrd: a cpio "newc" archive GRUB loads as a Multiboot2 module.  The
 * kernel reads it in place through the direct map; these are the read-only
 * file API over the archive found at boot (the cpio reader under them is
 * private to kernel/initrd/).
 */
#ifndef KERNEL_INITRD_H
#define KERNEL_INITRD_H

#include <kernel/types.h>

/*
 * The initrd found at boot (rootfs initcall): the Multiboot2 module named
 * "initrd".  A malformed one is reported and ignored; the functions below
 * then act as on an empty archive.
 */
struct initrd_file {
	const char *name;
	const void *data;
	size_t size;
	bool is_dir;
	uint32_t mode; /* as archived; no permission bits for a directory
			* that has no entry of its own */
};

/* initrd_open - look up @path.  Returns 0, -ENOENT, -ENAMETOOLONG. */
int initrd_open(const char *path, struct initrd_file *f);

/*
 * initrd_list - call @fn once for each name directly inside directory
 * @path, in byte order of the names, with whether it is a directory; @fn returns 0
 * to go on.  Returns 0, -ENOENT, -ENOTDIR, -ENAMETOOLONG, or what @fn
 * returned.
 */
int initrd_list(const char *path,
		int (*fn)(void *arg, const char *name, size_t len, bool is_dir),
		void *arg);

#endif
