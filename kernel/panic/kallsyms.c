/*
 * Symbol lookup for the kernel image.  The table (tools/kallsyms.sh) is
 * generated from the linked kernel and linked in by a second pass; it sits
 * after everything it describes, so adding it moves no symbol.
 */
#include <kernel/init.h>
#include <kernel/kallsyms.h>
#include <kernel/string.h>

struct kallsym {
	uint64_t addr;
	uint32_t size;
	uint32_t name; /* offset in kallsyms_names */
};

extern const struct kallsym kallsyms_table[];
extern const size_t kallsyms_count;
extern const char kallsyms_names[];

/* The index of the last symbol at or below @addr, or -1. */
static long kallsyms_find(uintptr_t addr)
{
	long lo = 0, hi = (long)kallsyms_count - 1, found = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;

		if (kallsyms_table[mid].addr <= addr) {
			found = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return found;
}

const char *kallsyms_lookup(uintptr_t addr, size_t *size, size_t *offset)
{
	long i = kallsyms_find(addr);

	if (i < 0 || addr - kallsyms_table[i].addr >= kallsyms_table[i].size)
		return NULL;
	*size = kallsyms_table[i].size;
	*offset = addr - kallsyms_table[i].addr;
	return kallsyms_names + kallsyms_table[i].name;
}

const char *kallsyms_symbol_at(size_t i, uintptr_t *addr)
{
	if (i >= kallsyms_count)
		return NULL;
	*addr = kallsyms_table[i].addr;
	return kallsyms_names + kallsyms_table[i].name;
}

uintptr_t kallsyms_lookup_name(const char *name)
{
	for (size_t i = 0; i < kallsyms_count; i++)
		if (!strcmp(kallsyms_names + kallsyms_table[i].name, name))
			return kallsyms_table[i].addr;
	return 0;
}

static LIST_HEAD(kallsyms_sources);

void kallsyms_register_source(struct kallsyms_source *src)
{
	list_add_tail(&src->list, &kallsyms_sources);
}

/* @addr in the image's table, else in a registered source's (*@owner). */
static const char *symbol_lookup(uintptr_t addr, size_t *size, size_t *offset,
				 const char **owner)
{
	const char *name = kallsyms_lookup(addr, size, offset);
	struct kallsyms_source *s;

	*owner = NULL;
	if (name)
		return name;
	list_for_each_entry(s, &kallsyms_sources, list) {
		name = s->lookup(addr, size, offset, owner);
		if (name)
			return name;
	}
	return NULL;
}

/* "name+0x12/0x40 [module]", or without "+offset/size" unless @offset. */
static int format_symbol(char *buf, size_t size, uintptr_t addr, bool with_off)
{
	size_t sym_size, offset;
	const char *modname;
	const char *name = symbol_lookup(addr, &sym_size, &offset, &modname);

	if (!name)
		return snprintf(buf, size, "0x%lx", (unsigned long)addr);
	if (!with_off)
		return snprintf(buf, size, "%s%s%s%s", name,
				modname ? " [" : "", modname ? modname : "",
				modname ? "]" : "");
	return snprintf(buf, size, "%s+0x%zx/0x%zx%s%s%s", name, offset,
			sym_size, modname ? " [" : "", modname ? modname : "",
			modname ? "]" : "");
}

int sprint_symbol(char *buf, size_t size, uintptr_t addr)
{
	return format_symbol(buf, size, addr, true);
}

int sprint_backtrace(char *buf, size_t size, uintptr_t addr)
{
	size_t sym_size, offset;
	const char *modname;
	/* A return address may be just past its function: name the call. */
	const char *name =
		symbol_lookup(addr - 1, &sym_size, &offset, &modname);

	if (!name)
		return snprintf(buf, size, "0x%lx", (unsigned long)addr);
	return snprintf(buf, size, "%s+0x%zx/0x%zx%s%s%s", name, offset + 1,
			sym_size, modname ? " [" : "", modname ? modname : "",
			modname ? "]" : "");
}

/* printk's %pS and %ps name code addresses from here on (pure: earliest). */
static int __init kallsyms_printf_init(void)
{
	vsnprintf_symbol = format_symbol;
	return 0;
}
pure_initcall(kallsyms_printf_init);
