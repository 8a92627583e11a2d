/*
 * Exported symbols for modules: the kernel's (EXPORT_SYMBOL tables that
 * linker.ld gathers, hashed on first use) and those of loaded modules, and
 * the references a module takes on the modules whose symbols it uses.
 */
#include <kernel/errno.h>
#include <kernel/mm.h>
#include <kernel/module.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define KSYM_HASH_BITS 10
#define KSYM_HASH_SIZE (1u << KSYM_HASH_BITS)
#define KSYM_NONE UINT32_MAX

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[],
	__stop___ksymtab_gpl[];

/*
 * One table over both export arrays: index i < count_plain is
 * __start___ksymtab[i], the rest GPL-only.  Chains through ksym_next.
 */
static uint32_t ksym_bucket[KSYM_HASH_SIZE];
static uint32_t *ksym_next;
static size_t ksym_plain, ksym_total;
static bool ksym_ready;

static uint32_t ksym_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a, 32 bits */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h >> (32 - KSYM_HASH_BITS);
}

static const struct kernel_symbol *ksym_at(uint32_t i)
{
	return i < ksym_plain ? &__start___ksymtab[i] :
				&__start___ksymtab_gpl[i - ksym_plain];
}

static int ksym_hash_init(void)
{
	ksym_plain = (size_t)(__stop___ksymtab - __start___ksymtab);
	ksym_total = ksym_plain +
		     (size_t)(__stop___ksymtab_gpl - __start___ksymtab_gpl);
	ksym_next = kmalloc(ksym_total * sizeof(*ksym_next) + 1, GFP_KERNEL);
	if (!ksym_next)
		return -ENOMEM;
	for (size_t b = 0; b < KSYM_HASH_SIZE; b++)
		ksym_bucket[b] = KSYM_NONE;
	for (uint32_t i = 0; i < ksym_total; i++) {
		uint32_t b = ksym_hash(ksym_at(i)->name);

		ksym_next[i] = ksym_bucket[b];
		ksym_bucket[b] = i;
	}
	ksym_ready = true;
	return 0;
}

int kernel_symbol_lookup(const char *name, uintptr_t *value, bool *gpl_only)
{
	if (!ksym_ready) {
		int err = ksym_hash_init();

		if (err)
			return err;
	}
	for (uint32_t i = ksym_bucket[ksym_hash(name)]; i != KSYM_NONE;
	     i = ksym_next[i]) {
		if (strcmp(ksym_at(i)->name, name))
			continue;
		*value = ksym_at(i)->value;
		*gpl_only = i >= ksym_plain;
		return 0;
	}
	return -ENOENT;
}

static const struct kernel_symbol *find_in(const struct kernel_symbol *syms,
					   size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(syms[i].name, name))
			return &syms[i];
	return NULL;
}

/* The live module exporting @name, with the entry; NULL if none. */
static struct module *module_symbol_owner(const char *name,
					  const struct kernel_symbol **sym,
					  bool *gpl_only)
{
	struct module *m;

	list_for_each_entry(m, &module_list, list) {
		if (m->state != MODULE_STATE_LIVE)
			continue;
		*sym = find_in(m->syms, m->num_syms, name);
		*gpl_only = false;
		if (!*sym) {
			*sym = find_in(m->gpl_syms, m->num_gpl_syms, name);
			*gpl_only = true;
		}
		if (*sym)
			return m;
	}
	return NULL;
}

/* Record that @mod uses @owner (once), holding a reference on it. */
static int module_add_use(struct module *mod, struct module *owner)
{
	for (size_t i = 0; i < mod->num_uses; i++)
		if (mod->uses[i] == owner)
			return 0;
	if (mod->num_uses == MODULE_USES_MAX) {
		pr_err("%s: uses more than %d modules\n", mod->name,
		       MODULE_USES_MAX);
		return -E2BIG;
	}
	if (!try_module_get(owner))
		return -ENOENT;
	mod->uses[mod->num_uses++] = owner;
	return 0;
}

void module_release_uses(struct module *mod)
{
	while (mod->num_uses)
		module_put(mod->uses[--mod->num_uses]);
}

int module_resolve(struct load_info *info, const char *name, uint64_t *value,
		   void *ctx)
{
	struct module *mod = ctx, *owner = NULL;
	const struct kernel_symbol *sym;
	uintptr_t v;
	bool gpl_only;
	int err = kernel_symbol_lookup(name, &v, &gpl_only);

	if (err == -ENOENT) {
		owner = module_symbol_owner(name, &sym, &gpl_only);
		if (!owner)
			return -ENOENT;
		v = sym->value;
		err = 0;
	}
	if (err)
		return err;
	if (gpl_only && !mod->gpl_compatible) {
		snprintf(info->why, sizeof(info->why),
			 "%s: GPL-only symbol %s refused to a module that is not GPL-compatible",
			 info->name, name);
		return -EPERM;
	}
	if (owner) {
		err = module_add_use(mod, owner);
		if (err)
			return err;
	}
	*value = v;
	return 0;
}

/* Does @syms[0..@n) hold @name other than at @self? */
static bool exported_twice(const struct kernel_symbol *syms, size_t n,
			   const struct kernel_symbol *self, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (&syms[i] != self && !strcmp(syms[i].name, name))
			return true;
	return false;
}

/* The owner of an export called @name other than @self: NULL if none. */
static const char *export_owner(struct load_info *info,
				const struct kernel_symbol *self,
				const char *name)
{
	const struct kernel_symbol *all[] = {
		(const void *)(uintptr_t)info->ksyms_addr,
		(const void *)(uintptr_t)info->gpl_ksyms_addr,
	};
	size_t count[] = { info->num_ksyms, info->num_gpl_ksyms };
	uintptr_t value;
	bool gpl_only;
	struct module *m;

	if (!kernel_symbol_lookup(name, &value, &gpl_only))
		return "kernel";
	list_for_each_entry(m, &module_list, list)
		if (find_in(m->syms, m->num_syms, name) ||
		    find_in(m->gpl_syms, m->num_gpl_syms, name))
			return m->name;
	for (size_t t = 0; t < ARRAY_SIZE(all); t++)
		if (exported_twice(all[t], count[t], self, name))
			return info->name;
	return NULL;
}

int module_check_exports_unique(struct load_info *info)
{
	const struct kernel_symbol *tables[] = {
		(const void *)(uintptr_t)info->ksyms_addr,
		(const void *)(uintptr_t)info->gpl_ksyms_addr,
	};
	size_t count[] = { info->num_ksyms, info->num_gpl_ksyms };

	for (size_t t = 0; t < ARRAY_SIZE(tables); t++)
		for (size_t i = 0; i < count[t]; i++) {
			const char *name = tables[t][i].name;
			const char *owner =
				export_owner(info, &tables[t][i], name);

			if (!owner)
				continue;
			/* Linux's words for the same refusal. */
			snprintf(info->why, sizeof(info->why),
				 "%s: exports duplicate symbol %s (owned by %s)",
				 info->name, name, owner);
			return -EEXIST;
		}
	return 0;
}
