/*
 * Parse the Multiboot2 boot information (specification §3.6) into struct
 * boot_info.  Every size is checked against the block before it is used, so a
 * truncated or corrupt block is reported rather than followed off its end.
 */
#include <kernel/errno.h>
#include <kernel/multiboot2.h>
#include <kernel/string.h>

/* What kernel_main copied out of the boot information (multiboot2.h). */
struct boot_info boot_info;

#define MB2_INFO_HEADER 8 /* total_size, reserved */
#define MB2_TAG_HEADER 8  /* type, size */
#define MB2_TAG_ALIGN 8
#define MB2_MODULE_MIN 16     /* header, mod_start, mod_end */
#define MB2_MMAP_MIN 16	      /* header, entry_size, entry_version */
#define MB2_MMAP_ENTRY_MIN 24 /* base, length, type, reserved */
#define MB2_FB_COMMON 32      /* up to and including the reserved field */
#define MB2_FB_RGB_INFO 6

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Copy a string of at most @len bytes (NUL or not) into @dst of @size. */
static void copy_str(char *dst, size_t size, const uint8_t *src, size_t len)
{
	size_t n = strnlen((const char *)src, len);

	if (n >= size)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/*
 * The command line into @bi->cmdline.  One too long for it is cut at a
 * blank: a word the cut would shorten is dropped whole, since its first
 * part could mean something else ("module_blacklist=hello_world" is not
 * "module_blacklist=hello").  The caller warns when cmdline_len says so.
 */
static void copy_cmdline(struct boot_info *bi, const uint8_t *src, size_t len)
{
	size_t n = strnlen((const char *)src, len);
	size_t keep = n;

	bi->cmdline_len = n;
	if (n >= sizeof(bi->cmdline)) {
		keep = sizeof(bi->cmdline) - 1;
		if (src[keep] != ' ')
			while (keep > 0 && src[keep - 1] != ' ')
				keep--;
		while (keep > 0 && src[keep - 1] == ' ')
			keep--;
	}
	memcpy(bi->cmdline, src, keep);
	bi->cmdline[keep] = '\0';
}

/* excerpt: mb2-module */
static int parse_module(const uint8_t *t, uint32_t size, struct boot_info *bi,
			const char **why)
{
	struct boot_module *m;

	if (size < MB2_MODULE_MIN) {
		*why = "module tag too short";
		return -EINVAL;
	}
	if (bi->module_count == BOOT_MAX_MODULES) {
		bi->modules_ignored++; /* reported by the caller */
		return 0;
	}
	m = &bi->modules[bi->module_count];
	m->start = rd32(t + 8);
	m->end = rd32(t + 12);
	if (m->end < m->start) {
		*why = "module ends before it starts";
		return -EINVAL;
	}
	copy_str(m->name, sizeof(m->name), t + 16, size - 16);
	bi->module_count++;
	return 0;
}
/* excerpt-end: mb2-module */

static int parse_mmap(const uint8_t *t, uint32_t size, struct boot_info *bi,
		      const char **why)
{
	uint32_t esize;

	if (size < MB2_MMAP_MIN) {
		*why = "memory map tag too short";
		return -EINVAL;
	}
	esize = rd32(t + 8);
	if (esize < MB2_MMAP_ENTRY_MIN || esize % 8) {
		*why = "memory map entry size invalid";
		return -EINVAL;
	}
	/* size >= MB2_MMAP_MIN: the subtraction cannot wrap; a sum could. */
	if (esize > size - MB2_MMAP_MIN) {
		*why = "memory map entry size larger than its tag";
		return -EINVAL;
	}
	for (uint32_t off = MB2_MMAP_MIN; esize <= size - off; off += esize) {
		struct boot_mmap_entry *e;

		if (bi->mmap_count == BOOT_MAX_MMAP) {
			bi->mmap_truncated = true;
			break;
		}
		e = &bi->mmap[bi->mmap_count++];
		e->addr = rd64(t + off);
		e->len = rd64(t + off + 8);
		e->type = rd32(t + off + 16);
	}
	return 0;
}

static int parse_framebuffer(const uint8_t *t, uint32_t size,
			     struct boot_info *bi, const char **why)
{
	struct boot_framebuffer *fb = &bi->fb;

	if (size < MB2_FB_COMMON) {
		*why = "framebuffer tag too short";
		return -EINVAL;
	}
	fb->addr = rd64(t + 8);
	fb->pitch = rd32(t + 16);
	fb->width = rd32(t + 20);
	fb->height = rd32(t + 24);
	fb->bpp = t[28];
	fb->type = t[29];
	if (fb->type == MB2_FB_RGB) {
		if (size < MB2_FB_COMMON + MB2_FB_RGB_INFO) {
			*why = "framebuffer tag too short for its colour info";
			return -EINVAL;
		}
		fb->red_pos = t[32];
		fb->red_size = t[33];
		fb->green_pos = t[34];
		fb->green_size = t[35];
		fb->blue_pos = t[36];
		fb->blue_size = t[37];
	}
	fb->present = true;
	return 0;
}

static void parse_rsdp(const uint8_t *t, uint32_t size, struct boot_info *bi)
{
	size_t len = MIN((size_t)size - MB2_TAG_HEADER, sizeof(bi->rsdp));

	/* A v2 RSDP (tag 15) wins over the v1 copy, whichever comes first. */
	if (rd32(t) == MB2_TAG_ACPI_OLD && bi->rsdp_len > 20)
		return;
	memcpy(bi->rsdp, t + MB2_TAG_HEADER, len);
	bi->rsdp_len = len;
}

/* lab: 01 parse-tag */
static int parse_tag(const uint8_t *t, uint32_t type, uint32_t size,
		     struct boot_info *bi, const char **why)
{
	switch (type) {
	case MB2_TAG_CMDLINE:
		copy_cmdline(bi, t + 8, size - 8);
		return 0;
	case MB2_TAG_BOOTLOADER:
		copy_str(bi->bootloader, sizeof(bi->bootloader), t + 8,
			 size - 8);
		return 0;
	case MB2_TAG_MODULE:
		return parse_module(t, size, bi, why);
	case MB2_TAG_MMAP:
		return parse_mmap(t, size, bi, why);
	case MB2_TAG_FRAMEBUFFER:
		return parse_framebuffer(t, size, bi, why);
	case MB2_TAG_ACPI_OLD:
	case MB2_TAG_ACPI_NEW:
		parse_rsdp(t, size, bi);
		return 0;
	default:
		bi->unknown_tags++;
		return 0;
	}
}
/* lab-end: 01 parse-tag */

/*
 * GRUB 2 hands its command words to the kernel escaped: a backslash before
 * each '\\', '"' and "'" (and a word holding a blank wrapped in double
 * quotes, which tools/mkiso.sh never makes).  Undo the backslashes so the
 * kernel sees the bytes its command line was written with.
 */
static void unescape_grub_cmdline(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' &&
		    (s[1] == '\\' || s[1] == '"' || s[1] == '\''))
			s++;
		*out++ = *s;
	}
	*out = '\0';
}

/* excerpt: mb2-tag-walk */
/* lab: 01 tag-walk */
static int walk_tags(const uint8_t *base, uint32_t total, struct boot_info *out,
		     const char **why)
{
	size_t off;

	for (off = MB2_INFO_HEADER; off + MB2_TAG_HEADER <= total;
	     off = ALIGN_UP(off + rd32(base + off + 4), MB2_TAG_ALIGN)) {
		uint32_t type = rd32(base + off), size = rd32(base + off + 4);

		if (size < MB2_TAG_HEADER || size > total - off) {
			*why = "tag size runs past the information block";
			return -EINVAL;
		}
		if (type == MB2_TAG_END)
			return 0;
		if (parse_tag(base + off, type, size, out, why))
			return -EINVAL;
	}
	*why = "no end tag";
	return -EINVAL;
}
/* lab-end: 01 tag-walk */
/* excerpt-end: mb2-tag-walk */

int mb2_parse(const void *info, size_t avail, phys_addr_t info_phys,
	      struct boot_info *out, const char **why)
{
	const uint8_t *base = info;
	uint32_t total;

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if ((uintptr_t)info % MB2_TAG_ALIGN) {
		*why = "information block not 8-byte aligned";
		return -EINVAL;
	}
	if (avail < MB2_INFO_HEADER) {
		*why = "information block truncated";
		return -EINVAL;
	}
	total = rd32(base);
	if (total < MB2_INFO_HEADER + MB2_TAG_HEADER || total > avail) {
		*why = "information block size invalid";
		return -EINVAL;
	}
	out->info_start = info_phys;
	out->info_end = info_phys + total;
	if (walk_tags(base, total, out, why))
		return -EINVAL;
	if (!strncmp(out->bootloader, "GRUB", 4))
		unescape_grub_cmdline(out->cmdline);
	return 0;
}
