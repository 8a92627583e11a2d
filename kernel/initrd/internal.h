/*
 * The cpio "newc" reader under the initrd (cpio.c): pure code (no
 * allocation, no printing) that checks an archive in place and walks its
 * members; and the unpacker (unpack.c) that makes them in the root file
 * system.  Only initrd.c uses them in the kernel; the host unit tests and
 * fuzzers build them with the VFS alone.  They know nothing of where the
 * archive came from.
 */
#ifndef KERNEL_INITRD_INTERNAL_H
#define KERNEL_INITRD_INTERNAL_H

#include <kernel/types.h>

/* The "newc" format: man 5 cpio (GNU cpio manual, "Options" -H newc). */
#define CPIO_NEWC_MAGIC "070701" /* no checksum */
#define CPIO_CRC_MAGIC "070702"	 /* check field = sum of the data bytes */
#define CPIO_MAGIC_LEN 6
#define CPIO_HEADER_SIZE 110 /* magic + 13 fields of 8 hex digits */
#define CPIO_FIELD_LEN 8
#define CPIO_ALIGN 4 /* name and data each end on a 4-byte boundary */
#define CPIO_TRAILER "TRAILER!!!"

/* File types in the mode field (POSIX <sys/stat.h> values). */
#define CPIO_S_IFMT 0170000
#define CPIO_S_IFDIR 0040000
#define CPIO_S_IFREG 0100000
#define CPIO_S_IFLNK 0120000

/*
 * One member.  @name has no leading "/" or "./"; its first @name_len
 * bytes are the path, without the trailing "/" a directory may carry (""
 * for the root).  @ino, @nlink and the device say which members are hard
 * links of one file; @archive counts the archives before it (those
 * concatenated after a trailer).
 */
struct cpio_entry {
	const char *name;
	const void *data;
	size_t size;
	size_t offset; /* of its header */
	size_t name_len;
	uint32_t mode;
	uint32_t ino;
	uint32_t nlink;
	uint32_t dev_major;
	uint32_t dev_minor;
	uint32_t archive;
};

/*
 * Where a walk over an archive is (cpio_next()): the offset of the next
 * header and how many archives lie behind it.  Start at { 0, 0 }.
 */
struct cpio_cursor {
	size_t pos;
	uint32_t archive;
};

/*
 * An archive of @size bytes at @base; once cpio_open() accepted it, @count
 * entries in all its concatenated archives, trailers left out.
 */
struct cpio_archive {
	const uint8_t *base;
	size_t size;
	size_t count;
};

/*
 * cpio_open - check the whole archive in @buf (@size bytes) and fill @ar.
 * Every header field is bounds-checked: magic, hex digits, name and file
 * sizes against the end, the name's NUL, the CRC sum, the trailer.
 * Returns 0, or -EINVAL with a message naming the entry and offset in
 * @err (@err_size bytes).
 */
int cpio_open(struct cpio_archive *ar, const void *buf, size_t size, char *err,
	      size_t err_size);

/*
 * cpio_next - read the entry at @cur of an archive cpio_open() accepted
 * (or, inside cpio_open, of one being checked) into @e and advance @cur.
 * A trailer followed by zero padding and another archive (4-byte aligned,
 * as Linux reads an initramfs) goes on into that archive.  Returns 1 for
 * an entry, 0 after the last trailer, -EINVAL on a malformed header or
 * junk after a trailer (message in @err, which may be NULL).
 */
int cpio_next(const struct cpio_archive *ar, struct cpio_cursor *cur,
	      struct cpio_entry *e, char *err, size_t err_size);

/* cpio_is_dir - whether @e is a directory. */
static inline bool cpio_is_dir(const struct cpio_entry *e)
{
	return (e->mode & CPIO_S_IFMT) == CPIO_S_IFDIR;
}

/*
 * Linux's initramfs rules (init/initramfs.c), which the unpacker and the
 * tests that check its tree share.  cpio_is_link - @e is a hard link as
 * Linux's initramfs links them: a regular file with nlink >= 2.
 * cpio_same_file - @a and @b are links of one file: one inode number on
 * one device within one archive (Linux forgets the links it has seen at
 * each trailer).
 * cpio_dropped - @e is what Linux cannot create: the root again (".",
 * "/", "./", made "" by cpio_next()), or a file whose name ends in "/".
 */
static inline bool cpio_is_link(const struct cpio_entry *e)
{
	return (e->mode & CPIO_S_IFMT) == CPIO_S_IFREG && e->nlink >= 2;
}

bool cpio_same_file(const struct cpio_entry *a, const struct cpio_entry *b);
bool cpio_dropped(const struct cpio_entry *e);

/*
 * unpack_to_rootfs - make the members of the archive of @size bytes at
 * @buf in the root file system, in archive order, by Linux's initramfs
 * rules: a later entry of a path replaces an earlier one, a later hard
 * link becomes another name of the first one's inode (each writing the
 * data it carries), links are forgotten at each trailer, the root and a
 * non-directory named "x/" are skipped.  On a malformed header what came
 * before it stays.  Returns 0, or -EINVAL / -ENOMEM / -EIO with what went
 * wrong in @err (@err_size bytes), in Linux's words where it has some.
 * __init in the kernel; may sleep (it allocates and writes files).
 */
int unpack_to_rootfs(const void *buf, size_t size, char *err, size_t err_size);

#endif
