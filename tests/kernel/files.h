/*
 * Files for the in-kernel suites that test file systems and drivers: a
 * whole file read into a buffer, a string written, a name looked up --
 * each through the VFS, as a reader in the shell would see it.
 */
#ifndef TESTS_KERNEL_FILES_H
#define TESTS_KERNEL_FILES_H

#include <kernel/types.h>

/*
 * ktest_read_chunks - all of file @name, to @size - 1 bytes, into @buf
 * (NUL-ended), in reads of at most @chunk bytes; the bytes read, or the
 * open's or a read's -errno.  ktest_read_file - the same in reads as
 * large as the buffer allows.
 */
int ktest_read_chunks(const char *name, char *buf, size_t size, size_t chunk);
int ktest_read_file(const char *name, char *buf, size_t size);

/* ktest_reads - file @name reads whole as @want (at most 255 bytes). */
bool ktest_reads(const char *name, const char *want);

/*
 * ktest_write_str - @s written to file @name in one write from position 0;
 * what the write returned, or the open's -errno.
 */
int ktest_write_str(const char *name, const char *s);

/* ktest_exists - @name walks to something (a link at the end not followed). */
bool ktest_exists(const char *name);

#endif
