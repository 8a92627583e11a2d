/*
 * libFuzzer target for the module loader's parser: any byte string goes
 * through validation, layout, placement, symbol resolution and relocation
 * exactly as a .ko would, the checks of its special tables (exports,
 * parameters, shell commands), then the .modinfo checks (version magic,
 * license, any tag) and the copy of its function symbols kept for
 * backtraces, which is looked up again.  Build and run with "make fuzz".
 */
#include <stdlib.h>
#include <string.h>
#include <kernel/errno.h>
#include <kernel/kallsyms.h>
#include <kernel/module.h>
#include <kernel/shell.h>
#include "../../kernel/module/internal.h"
#include "../../kernel/shell/cmd_fields.h"
#include "host.h"

#define FUZZ_CORE_ADDR 0xffffffffa0000000ull
#define FUZZ_INIT_ADDR 0xffffffffa8000000ull

static int fuzz_resolve(struct load_info *info, const char *name,
			uint64_t *value, void *ctx)
{
	uint32_t hash = 2166136261u; /* FNV-1a: a distinct address per name */

	if (name[0] == 'm') /* some names unknown, to reach that path */
		return -ENOENT;
	for (const char *p = name; *p; p++)
		hash = (hash ^ (uint8_t)*p) * 16777619u;
	*value = 0xffffffff80100000ull + ((uint64_t)(hash & 0xfffff) << 4);
	return 0;
}

/* The kernel's parameter types, where fuzz_resolve() puts their ops. */
#define NAMED_TYPE(ops, kind, size) { #ops, kind, size },
static const struct {
	const char *ops;
	enum module_param_kind kind;
	size_t size;
} fuzz_param_types[] = { MODULE_PARAM_TYPES(NAMED_TYPE) };
#undef NAMED_TYPE
#define FUZZ_PARAM_TYPES \
	(sizeof(fuzz_param_types) / sizeof(fuzz_param_types[0]))

/* .shell_cmds, described as the shell registers it (kernel/shell/table.c). */
static const struct module_table_ops fuzz_shell_table = {
	.section = ".shell_cmds",
	.entry_size = sizeof(struct shell_cmd),
	.fields = shell_cmd_fields,
	.num_fields = SHELL_CMD_NUM_FIELDS,
};

static const struct module_table_ops *const fuzz_tables[] = {
	&fuzz_shell_table
};

static int fuzz_check_tables(struct load_info *info)
{
	struct module_param_type types[FUZZ_PARAM_TYPES];

	for (size_t i = 0; i < FUZZ_PARAM_TYPES; i++) {
		fuzz_resolve(info, fuzz_param_types[i].ops, &types[i].ops,
			     NULL);
		types[i].kind = fuzz_param_types[i].kind;
		types[i].size = fuzz_param_types[i].size;
	}
	return module_check_tables(info, types, FUZZ_PARAM_TYPES);
}

/* The .modinfo steps of load_module, and some tags read back. */
static void fuzz_modinfo(struct load_info *info)
{
	static const char *const tags[] = { "license", "depends", "name",
					    "parm", "" };

	module_check_vermagic(info);
	fuzz_check(strnlen(info->why, sizeof(info->why)) < sizeof(info->why),
		   "load_info.why is NUL-terminated");
	for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		const char *v = modinfo_get(info->modinfo, info->modinfo_size,
					    tags[i], 0);

		fuzz_check(!v || (v > info->modinfo &&
				  v + strlen(v) <
					  info->modinfo + info->modinfo_size),
			   "a .modinfo value lies inside .modinfo");
		module_license_gpl_compatible(v);
	}
}

/* The symbol copy, then every copied symbol found again by address. */
static void fuzz_kallsyms(struct load_info *info)
{
	struct module mod = { .name = "fuzz", .state = MODULE_STATE_LIVE };
	const char *modname, *name;
	size_t size, offset;

	if (module_kallsyms_copy(&mod, info))
		return;
	mod.core = (void *)(uintptr_t)info->region[MOD_CORE].addr;
	mod.core_text_size = info->region[MOD_CORE].text_size;
	mod.init = (void *)(uintptr_t)info->region[MOD_INIT].addr;
	mod.init_text_size = info->region[MOD_INIT].text_size;
	module_append(&mod);
	for (size_t i = 0; i < mod.num_ksyms; i++) {
		name = module_address_lookup(mod.ksyms[i].addr, &size, &offset,
					     &modname);
		fuzz_check(!name || (offset < size || offset == 0),
			   "a symbol's offset lies inside it");
	}
	module_unlink(&mod);
	module_kallsyms_free(&mod);
	if (module_sections_copy(&mod, info))
		return;
	/* Kept in order: each loaded section's name and run address. */
	for (unsigned int i = 1, k = 0; i < info->hdr->e_shnum; i++) {
		if (!module_section_loaded(info, i))
			continue;
		fuzz_check(k < mod.num_sections &&
				   mod.sections[k].addr ==
					   info->sechdrs[i].sh_addr &&
				   !strcmp(mod.sections[k].name,
					   module_section_name(info, i)),
			   "each loaded section is kept with its address");
		k++;
	}
	module_sections_free(&mod);
}

static void fuzz_load(void *buf, size_t len)
{
	struct load_info info;
	uint64_t init, exit;
	int r;

	if (module_elf_check(&info, "fuzz", buf, len))
		return;
	fuzz_modinfo(&info);
	if (module_layout(&info, fuzz_tables, 1))
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
	    !module_apply_relocations(&info) &&
	    !module_find_init_exit(&info, &init, &exit) &&
	    !fuzz_check_tables(&info))
		fuzz_kallsyms(&info);
out:
	for (r = 0; r < MOD_REGIONS; r++)
		free(info.region[r].mem);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The loader wants an 8-byte aligned, writable copy, as the kernel makes. */
	void *buf = fuzz_copy(data, size);

	fuzz_load(buf, size);
	free(buf);
	return 0;
}
