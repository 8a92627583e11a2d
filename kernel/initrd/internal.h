/*
 * The cpio "newc" reader under the initrd: pure code (no allocation, no
 * printing) that checks an archive in place (cpio.c) and indexes it to
 * find its members (index.c).  Only initrd.c and unpack.c use it in the
 * kernel; the host unit tests and fuzzers build it alone.  It knows
 * nothing of the initrd above it.
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
 * A validated archive: @count entries in all its concatenated archives,
 * trailers left out, and its @index (cpio_index()): the @index_len paths
 * Linux's initramfs unpacking would leave, one entry each, sorted by path,
 * which lookups and listings search instead of parsing headers again.
 */
struct cpio_archive {
	const uint8_t *base;
	size_t size;
	size_t count;
	const struct cpio_entry *index;
	size_t index_len;
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
 * accepted into @entries (room for @ar->count) and make them the view
 * Linux's initramfs unpacking gives (Documentation/driver-api/
 * early-userspace/buffer-format.rst, init/initramfs.c): every hard link
 * of a file gets the data its last non-empty link carries; of the entries
 * of one path the last in the archive wins; an entry naming the root
 * (".", "/", "./") and a non-directory named with a trailing "/" are
 * dropped.  Sorted by path, components compared in turn: O(n log n), in
 * place.  Sets @ar->index and @ar->index_len; cpio_lookup() and
 * cpio_list() read only the index.  @entries must live as long as @ar.
 */
void cpio_index(struct cpio_archive *ar, struct cpio_entry *entries);

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

/*
 * cpio_lookup - find @path ("/a/b", "a/b", "./a//b/" are the same) in @ar,
 * indexed (cpio_index()), by binary search: O(log n).  A directory that
 * only exists as the prefix of member names is found too (mode
 * CPIO_S_IFDIR, no data).  Returns 0, -ENOENT, or -ENAMETOOLONG.
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

/*
 * The rules an unpacker shares with cpio_index(), so that the tree it
 * makes is the index's view.  cpio_is_link - @e is a hard link as Linux's
 * initramfs links them: a regular file with nlink >= 2.  cpio_same_file -
 * @a and @b are links of one file: one inode number on one device within
 * one archive (Linux forgets the links it has seen at each trailer).
 * cpio_dropped - @e is what Linux cannot create: the root again (".",
 * "/", "./", made "" by cpio_next()), or a file whose name ends in "/".
 */
static inline bool cpio_is_link(const struct cpio_entry *e)
{
	return (e->mode & CPIO_S_IFMT) == CPIO_S_IFREG && e->nlink >= 2;
}

bool cpio_same_file(const struct cpio_entry *a, const struct cpio_entry *b);
bool cpio_dropped(const struct cpio_entry *e);

struct boot_module;

/*
 * initrd_boot_module - the Multiboot2 module named "initrd", or NULL
 * (initrd.c; kernel only).  __init.
 */
const struct boot_module *initrd_boot_module(void);

#endif
