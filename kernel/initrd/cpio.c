/*
 * A reader for cpio "newc" archives (the format of Linux's initramfs and of
 * GNU cpio -H newc), reading the archive in place: no copies, no
 * allocation.  The archive comes from outside the kernel, so every header
 * field is checked before it is used.  Pure code, also built on the host.
 */
#include <kernel/errno.h>
#include <kernel/string.h>
#include "internal.h"

/* Field order after the magic (each 8 hex digits). */
enum cpio_field {
	CPIO_INO,
	CPIO_MODE,
	CPIO_UID,
	CPIO_GID,
	CPIO_NLINK,
	CPIO_MTIME,
	CPIO_FILESIZE,
	CPIO_DEVMAJOR,
	CPIO_DEVMINOR,
	CPIO_RDEVMAJOR,
	CPIO_RDEVMINOR,
	CPIO_NAMESIZE,
	CPIO_CHECK,
	CPIO_NFIELDS
};

static const char *const cpio_field_names[CPIO_NFIELDS] = {
	"ino",	     "mode",	 "uid",	     "gid",	 "nlink",
	"mtime",     "filesize", "devmajor", "devminor", "rdevmajor",
	"rdevminor", "namesize", "check",
};

/* Parse field @f of the header at @hdr; false if it is not 8 hex digits. */
/* lab: 08 field */
static bool cpio_field(const uint8_t *hdr, enum cpio_field f, uint32_t *val)
{
	const uint8_t *p = hdr + CPIO_MAGIC_LEN + f * CPIO_FIELD_LEN;

	*val = 0;
	for (int i = 0; i < CPIO_FIELD_LEN; i++) {
		int d = hex_to_bin(p[i]);

		if (d < 0)
			return false;
		*val = *val << 4 | (uint32_t)d;
	}
	return true;
}
/* lab-end: 08 field */

/* The magic, made printable for a message. */
static void cpio_show_magic(const uint8_t *hdr, char out[CPIO_MAGIC_LEN + 1])
{
	for (int i = 0; i < CPIO_MAGIC_LEN; i++)
		out[i] = hdr[i] >= ' ' && hdr[i] < 0x7f ? (char)hdr[i] : '?';
	out[CPIO_MAGIC_LEN] = '\0';
}

static uint32_t cpio_sum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

/* Padding after the last member (GNU cpio fills to 512-byte blocks). */
static bool cpio_all_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

#define cpio_fail(err, size, fmt, ...)                           \
	({                                                       \
		if (err)                                         \
			snprintf(err, size, fmt, ##__VA_ARGS__); \
		-EINVAL;                                         \
	})

/* Read the header fields at @pos; the header itself is known to fit. */
/* lab: 08 read-header */
static int cpio_read_header(const uint8_t *hdr, size_t pos, uint32_t *fields,
			    char *err, size_t err_size)
{
	char magic[CPIO_MAGIC_LEN + 1];

	if (memcmp(hdr, CPIO_NEWC_MAGIC, CPIO_MAGIC_LEN) &&
	    memcmp(hdr, CPIO_CRC_MAGIC, CPIO_MAGIC_LEN)) {
		cpio_show_magic(hdr, magic);
		return cpio_fail(err, err_size,
				 "header at offset %zu: bad magic \"%s\" (not a newc archive, want %s)",
				 pos, magic, CPIO_NEWC_MAGIC);
	}
	for (int f = 0; f < CPIO_NFIELDS; f++)
		if (!cpio_field(hdr, f, &fields[f]))
			return cpio_fail(err, err_size,
					 "header at offset %zu: field %s is not 8 hex digits",
					 pos, cpio_field_names[f]);
	return 0;
}
/* lab-end: 08 read-header */

/* Strip what a packer may put before a member's path ("./", "/"). */
static const char *cpio_strip(const char *name)
{
	for (;;) {
		if (name[0] == '/')
			name++;
		else if (name[0] == '.' && name[1] == '/')
			name += 2;
		else if (name[0] == '.' && name[1] == '\0')
			name++;
		else
			return name;
	}
}

/* The length of @name without the "/"s a directory's name may end in. */
static size_t cpio_name_len(const char *name)
{
	size_t len = strlen(name);

	while (len && name[len - 1] == '/')
		len--;
	return len;
}

/* The fields that tell which members are hard links of one file. */
static void cpio_fill_links(struct cpio_entry *e, const uint32_t *fields)
{
	e->ino = fields[CPIO_INO];
	e->nlink = fields[CPIO_NLINK];
	e->dev_major = fields[CPIO_DEVMAJOR];
	e->dev_minor = fields[CPIO_DEVMINOR];
}

/*
 * Read the member at *@pos into @e and move *@pos past it: 1, or 0 at a
 * trailer (*@pos past its name), or -EINVAL.
 */
static int cpio_read_entry(const struct cpio_archive *ar, size_t *pos,
			   struct cpio_entry *e, char *err, size_t err_size)
{
	const uint8_t *hdr = ar->base + *pos;
	size_t left = ar->size - *pos, name_end, data_off, namesize;
	uint32_t fields[CPIO_NFIELDS];
	const char *name;
	int ret;

	if (!left || cpio_all_zero(hdr, left))
		return cpio_fail(err, err_size,
				 "archive ends at offset %zu without a %s entry",
				 *pos, CPIO_TRAILER);
	if (left < CPIO_HEADER_SIZE)
		return cpio_fail(err, err_size,
				 "truncated header at offset %zu (%zu bytes left, a header is %d)",
				 *pos, left, CPIO_HEADER_SIZE);
	ret = cpio_read_header(hdr, *pos, fields, err, err_size);
	if (ret)
		return ret;

	/* excerpt: cpio-bounds */
	namesize = fields[CPIO_NAMESIZE];
	name = (const char *)hdr + CPIO_HEADER_SIZE;
	if (namesize == 0 || namesize > left - CPIO_HEADER_SIZE)
		return cpio_fail(err, err_size,
				 "header at offset %zu: name size %zu runs past the end of the archive (%zu bytes left)",
				 *pos, namesize, left - CPIO_HEADER_SIZE);
	if (strnlen(name, namesize) != namesize - 1)
		return cpio_fail(err, err_size,
				 "header at offset %zu: name is not %zu bytes ending in NUL",
				 *pos, namesize);

	name_end = *pos + CPIO_HEADER_SIZE + namesize;
	data_off = ALIGN_UP(name_end, CPIO_ALIGN);
	if (!strcmp(name, CPIO_TRAILER)) {
		*pos = MIN(data_off, ar->size);
		return 0;
	}
	if (data_off > ar->size || fields[CPIO_FILESIZE] > ar->size - data_off)
		return cpio_fail(err, err_size,
				 "\"%s\" at offset %zu: file size %u runs past the end of the archive (%zu bytes left)",
				 name, *pos, fields[CPIO_FILESIZE],
				 data_off > ar->size ? 0 : ar->size - data_off);
	/* excerpt-end: cpio-bounds */

	e->name = cpio_strip(name);
	e->name_len = cpio_name_len(e->name);
	cpio_fill_links(e, fields);
	e->data = ar->base + data_off;
	e->size = fields[CPIO_FILESIZE];
	e->mode = fields[CPIO_MODE];
	e->offset = *pos;
	if (!memcmp(hdr, CPIO_CRC_MAGIC, CPIO_MAGIC_LEN) &&
	    cpio_sum(e->data, e->size) != fields[CPIO_CHECK])
		return cpio_fail(err, err_size,
				 "\"%s\" at offset %zu: checksum %#x does not match the data (sum %#x)",
				 name, *pos, fields[CPIO_CHECK],
				 cpio_sum(e->data, e->size));
	*pos = MIN(ALIGN_UP(data_off + e->size, CPIO_ALIGN), ar->size);
	return 1;
}

/*
 * After a trailer: zero padding, then the end or another archive, which
 * must start on a 4-byte boundary (Linux's unpack_to_rootfs() skips the
 * zeros and reads a header only there).  1 if one starts at @cur, 0 at
 * the end, -EINVAL on anything else.
 */
static int cpio_next_archive(const struct cpio_archive *ar,
			     struct cpio_cursor *cur, char *err,
			     size_t err_size)
{
	while (cur->pos < ar->size && !ar->base[cur->pos])
		cur->pos++;
	if (cur->pos == ar->size)
		return 0;
	if (cur->pos % CPIO_ALIGN)
		return cpio_fail(err, err_size,
				 "junk at offset %zu after a %s entry (another archive starts on a %d-byte boundary)",
				 cur->pos, CPIO_TRAILER, CPIO_ALIGN);
	cur->archive++;
	return 1;
}

int cpio_next(const struct cpio_archive *ar, struct cpio_cursor *cur,
	      struct cpio_entry *e, char *err, size_t err_size)
{
	int ret;

	while (!(ret = cpio_read_entry(ar, &cur->pos, e, err, err_size))) {
		ret = cpio_next_archive(ar, cur, err, err_size);
		if (ret <= 0)
			return ret;
	}
	if (ret > 0)
		e->archive = cur->archive;
	return ret;
}

int cpio_open(struct cpio_archive *ar, const void *buf, size_t size, char *err,
	      size_t err_size)
{
	struct cpio_cursor cur = { 0, 0 };
	struct cpio_entry e;
	int ret;

	ar->base = buf;
	ar->size = size;
	ar->count = 0;
	while ((ret = cpio_next(ar, &cur, &e, err, err_size)) > 0)
		ar->count++;
	if (ret < 0) {
		ar->size = 0;
		ar->count = 0;
	}
	return ret;
}

bool cpio_same_file(const struct cpio_entry *a, const struct cpio_entry *b)
{
	return cpio_is_link(a) && cpio_is_link(b) && a->archive == b->archive &&
	       a->dev_major == b->dev_major && a->dev_minor == b->dev_minor &&
	       a->ino == b->ino;
}

bool cpio_dropped(const struct cpio_entry *e)
{
	return !e->name_len || (!cpio_is_dir(e) && e->name[e->name_len]);
}
