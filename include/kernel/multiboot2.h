/*
 * The Multiboot2 boot information (Multiboot2 specification §3.6) and the
 * parser that copies what the kernel needs out of it, so the block itself
 * can be forgotten once boot memory is reused.
 */
#ifndef KERNEL_MULTIBOOT2_H
#define KERNEL_MULTIBOOT2_H

#include <kernel/types.h>

#define MB2_BOOTLOADER_MAGIC 0x36d76289 /* EAX at entry (§3.3) */

/* Tag types (§3.6) */
#define MB2_TAG_END 0
#define MB2_TAG_CMDLINE 1
#define MB2_TAG_BOOTLOADER 2
#define MB2_TAG_MODULE 3
#define MB2_TAG_MEMINFO 4
#define MB2_TAG_MMAP 6
#define MB2_TAG_FRAMEBUFFER 8
#define MB2_TAG_ACPI_OLD 14
#define MB2_TAG_ACPI_NEW 15

/* Memory map entry types (§3.6.8) */
#define MB2_MEMORY_AVAILABLE 1
#define MB2_MEMORY_RESERVED 2
#define MB2_MEMORY_ACPI_RECLAIMABLE 3
#define MB2_MEMORY_NVS 4
#define MB2_MEMORY_BADRAM 5

/* Framebuffer types (§3.6.12) */
#define MB2_FB_INDEXED 0
#define MB2_FB_RGB 1
#define MB2_FB_EGA_TEXT 2

#define BOOT_MAX_MMAP 128
#define BOOT_MAX_MODULES 64
#define BOOT_CMDLINE_MAX 1024
#define BOOT_MODULE_NAME_MAX 128

struct boot_mmap_entry {
	uint64_t addr;
	uint64_t len;
	uint32_t type;
};

struct boot_module {
	phys_addr_t start;
	phys_addr_t end; /* exclusive */
	char name[BOOT_MODULE_NAME_MAX];
};

struct boot_framebuffer {
	bool present;
	phys_addr_t addr;
	uint32_t pitch, width, height;
	uint8_t bpp, type;
	uint8_t red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};

/* What the kernel keeps of the boot information. */
struct boot_info {
	phys_addr_t info_start, info_end; /* the block itself */
	char cmdline[BOOT_CMDLINE_MAX];
	/* The command line's length as given; over BOOT_CMDLINE_MAX - 1: cut. */
	size_t cmdline_len;
	char bootloader[64];
	struct boot_mmap_entry mmap[BOOT_MAX_MMAP];
	size_t mmap_count;
	bool mmap_truncated;
	struct boot_module modules[BOOT_MAX_MODULES];
	size_t module_count;
	size_t modules_ignored; /* beyond BOOT_MAX_MODULES */
	struct boot_framebuffer fb;
	phys_addr_t acpi_rsdp; /* copy of the RSDP, kept in rsdp[] */
	uint8_t rsdp[36];
	size_t rsdp_len;
	size_t unknown_tags;
};

/*
 * mb2_parse - validate the boot information at @info (@avail bytes readable;
 * its own total_size must fit) and fill @out.  @info_phys is recorded as the
 * block's physical address.  Returns 0, or -EINVAL with *@why naming the
 * problem (misaligned block, size past the end, truncated tag, bad tag
 * size, missing end tag).  Unknown tags are counted and skipped.  A
 * command line from GRUB has GRUB's backslash escapes removed.  Pure: no
 * I/O, also built into the host unit tests.
 */
int mb2_parse(const void *info, size_t avail, phys_addr_t info_phys,
	      struct boot_info *out, const char **why);

/* Filled in by kernel_main from the Multiboot2 information. */
extern struct boot_info boot_info;

#endif
