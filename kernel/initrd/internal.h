/*
 * The cpio "newc" reader under the initrd: pure code (no allocation, no
 * printing) that checks an archive in place (cpio.c) and indexes it to
 * find its members (index.c).  Only initrd.c uses it in the kernel; the
 * host unit tests and fuzzers build it alone.  It knows nothing of the
 * initrd above it.
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

/* The longest path cpio_lookup() and cpio_list() take, with its NUL. */
#define CPIO_PATH_MAX 256

/* One member.  @name has no leading "/" or "./" ("" for the root). */
struct cpio_entry {
	const char *name;
	const void *data;
	size_t size;
	uint32_t mode;
	size_t offset; /* of its header */
};

/*
 * A validated archive: @count entries before the trailer, and its @index
 * (cpio_index()): the entries sorted by path, which lookups and listings
 * search instead of parsing every header again on each walk.
 */
struct cpio_archive {
	const uint8_t *base;
	size_t size;
	size_t count;
	const struct cpio_entry *index;
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
 * cpio_index - parse the @ar->count entries of an archive cpio_open()
 * accepted into @entries (room for @ar->count), once, and sort them by
 * path, components compared in turn (entries of one path in archive
 * order): O(n log n), in place.  cpio_lookup() and cpio_list() need it
 * and read only it.  @entries must live as long as @ar is used.
 */
void cpio_index(struct cpio_archive *ar, struct cpio_entry *entries);

/*
 * cpio_next - read the entry at *@pos of an archive cpio_open() accepted
 * (or, inside cpio_open, of one being checked) into @e and advance *@pos.
 * Returns 1 for an entry, 0 at the trailer, -EINVAL on a malformed header
 * (message in @err, which may be NULL).
 */
int cpio_next(const struct cpio_archive *ar, size_t *pos, struct cpio_entry *e,
	      char *err, size_t err_size);

/*
 * cpio_lookup - find @path ("/a/b", "a/b", "./a//b/" are the same) in @ar,
 * indexed (cpio_index()), by binary search: O(log n).  Of several entries
 * of one path, the first in the archive.  A directory that only exists as
 * the prefix of member names is found too (mode CPIO_S_IFDIR, no data).
 * Returns 0, -ENOENT, or -ENAMETOOLONG.
 */
int cpio_lookup(const struct cpio_archive *ar, const char *path,
		struct cpio_entry *e);

/*
 * cpio_list - call @fn once for each name directly inside directory @path
 * of @ar, indexed (cpio_index()), in byte order of the names (as ls sorts
 * in the C locale), with whether it is a directory (an entry of its own
 * says so, or one below it).  A binary search, then one walk over the
 * entries inside @path.  @fn returns 0 to go on.  Returns 0, -ENOENT,
 * -ENOTDIR, -ENAMETOOLONG, or what @fn returned.
 */
int cpio_list(const struct cpio_archive *ar, const char *path,
	      int (*fn)(void *arg, const char *name, size_t len, bool is_dir),
	      void *arg);

/* cpio_is_dir - whether @e is a directory. */
static inline bool cpio_is_dir(const struct cpio_entry *e)
{
	return (e->mode & CPIO_S_IFMT) == CPIO_S_IFDIR;
}

#endif
