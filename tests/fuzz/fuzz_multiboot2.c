/*
 * libFuzzer target for the Multiboot2 boot information parser: any byte
 * string is the information block GRUB hands over, 8-byte aligned (and
 * once more misaligned, which must be refused).  A refused one must say why; an accepted one must only describe what was in it: counts
 * within their tables, strings terminated, the end inside the block.
 */
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include <kernel/multiboot2.h>
#include "host.h"

#define FUZZ_INFO_PHYS 0x10000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Exact size, so a read past the block is caught; 8-byte aligned as GRUB puts it. */
	void *buf = fuzz_copy(data, size);
	static struct boot_info bi;
	const char *why;

	if (mb2_parse(buf, size, FUZZ_INFO_PHYS, &bi, &why)) {
		fuzz_check(why != NULL, "a refused block says why");
	} else {
		fuzz_check(bi.info_end - bi.info_start <= size,
			   "the block ends inside what was given");
		fuzz_check(bi.module_count <= BOOT_MAX_MODULES, "module count");
		fuzz_check(bi.mmap_count <= BOOT_MAX_MMAP, "memory map count");
		fuzz_check(memchr(bi.cmdline, 0, sizeof(bi.cmdline)) != NULL,
			   "the command line is terminated");
		for (size_t i = 0; i < bi.module_count; i++)
			fuzz_check(bi.modules[i].start <= bi.modules[i].end,
				   "a module does not end before it starts");
	}
	free(buf);
	/* The same block anywhere but on an 8-byte boundary is refused. */
	buf = fuzz_copy(data, size);
	if (size >= 4) {
		memmove((char *)buf + 4, buf, size - 4);
		fuzz_check(mb2_parse((char *)buf + 4, size - 4, FUZZ_INFO_PHYS,
				     &bi, &why) == -EINVAL &&
				   why,
			   "a misaligned block is refused");
	}
	free(buf);
	return 0;
}
