/*
 * libFuzzer target for the module loader's parser: any byte string goes
 * through validation, layout, placement, symbol resolution and relocation
 * exactly as a .ko would; the sanitizers catch any read or write outside
 * the file or the regions.  Build and run with "make fuzz".
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include "../../kernel/module/internal.h"

#define FUZZ_CORE_ADDR 0xffffffffa0000000ull
#define FUZZ_INIT_ADDR 0xffffffffa8000000ull

static int fuzz_resolve(struct load_info *info, const char *name,
			uint64_t *value, void *ctx)
{
	if (name[0] == 'm')	/* some names unknown, to reach that path */
		return -ENOENT;
	*value = 0xffffffff80100000ull + (strlen(name) << 4);
	return 0;
}

static void fuzz_load(void *buf, size_t len)
{
	struct load_info info;
	uint64_t init, exit;
	int r;

	if (module_elf_check(&info, "fuzz", buf, len) || module_layout(&info))
		return;
	info.region[MOD_CORE].addr = FUZZ_CORE_ADDR;
	info.region[MOD_INIT].addr = FUZZ_INIT_ADDR;
	for (r = 0; r < MOD_REGIONS; r++) {
		if (!info.region[r].size)
			continue;
		info.region[r].mem = aligned_alloc(4096, info.region[r].size);
		if (!info.region[r].mem)
			goto out;
	}
	module_layout_place(&info);
	if (!module_resolve_symbols(&info, fuzz_resolve, NULL) &&
	    !module_apply_relocations(&info))
		module_find_init_exit(&info, &init, &exit);
out:
	for (r = 0; r < MOD_REGIONS; r++)
		free(info.region[r].mem);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The loader wants an 8-byte aligned, writable copy, as the kernel makes. */
	void *buf = aligned_alloc(8, (size + 7) & ~(size_t)7);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	fuzz_load(buf, size);
	free(buf);
	return 0;
}
