/*
 * Files for the in-kernel suites (tests/kernel/files.h): opened by name,
 * read and written through kernel_read() and kernel_write(), closed.
 */
#include <kernel/fs.h>
#include <kernel/string.h>
#include <kernel/types.h>
#include "files.h"

int ktest_read_chunks(const char *name, char *buf, size_t size, size_t chunk)
{
	loff_t pos = 0;
	struct file *f;
	int n = 0, ret = file_open_name(name, O_RDONLY, 0, &f);

	if (ret)
		return ret;
	while ((ret = kernel_read(f, buf + n, MIN(chunk, size - 1 - n), &pos)) >
	       0)
		n += ret;
	buf[n] = '\0';
	filp_close(f);
	return ret < 0 ? ret : n;
}

int ktest_read_file(const char *name, char *buf, size_t size)
{
	return ktest_read_chunks(name, buf, size, size);
}

bool ktest_reads(const char *name, const char *want)
{
	char buf[256];

	return ktest_read_file(name, buf, sizeof(buf)) >= 0 &&
	       !strcmp(buf, want);
}

int ktest_write_str(const char *name, const char *s)
{
	loff_t pos = 0;
	struct file *f;
	int ret = file_open_name(name, O_WRONLY, 0, &f);

	if (ret)
		return ret;
	ret = kernel_write(f, s, strlen(s), &pos);
	filp_close(f);
	return ret;
}

bool ktest_exists(const char *name)
{
	struct path p;

	if (kern_path(name, 0, &p))
		return false;
	path_put(&p);
	return true;
}
