/*
 * KASAN's record of each heap object: its size, cache and the stacks
 * that allocated and freed it, from allocation until it leaves the
 * quarantine.  Linux keeps these in the object's redzone; Sprout's heap
 * core is shared with the host tests and stays as it is, so they live in
 * a table of their own, hashed by the object's address (open addressing,
 * linear probing), in frames set aside at boot.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define OBJECT_SLOTS 32768u		  /* a power of two */
#define OBJECT_MAX (OBJECT_SLOTS / 4 * 3) /* keeps probe runs short */

static struct kasan_object *table;
static size_t used;
bool kasan_objects_overflowed;

bool kasan_objects_init(void)
{
	size_t pages = PAGES(OBJECT_SLOTS * sizeof(*table));
	phys_addr_t pa = frame_alloc_contig(pages, 1);

	if (!pa)
		return false;
	table = phys_to_virt(pa);
	memset(table, 0, pages * PAGE_SIZE);
	return true;
}

static size_t slot_of(uintptr_t addr)
{
	/* Objects are at least 8-byte aligned: mix the bits above. */
	uint64_t h = (addr >> 3) * 0x9e3779b97f4a7c15ull;

	return (size_t)(h >> 49) & (OBJECT_SLOTS - 1);
}

struct kasan_object *kasan_object_find(uintptr_t addr)
{
	for (size_t i = slot_of(addr); table[i].addr;
	     i = (i + 1) & (OBJECT_SLOTS - 1))
		if (table[i].addr == addr)
			return &table[i];
	return NULL;
}

struct kasan_object *kasan_object_add(uintptr_t addr)
{
	struct kasan_object *obj = kasan_object_find(addr);
	size_t i;

	if (obj)
		return obj;
	if (used >= OBJECT_MAX) {
		if (!kasan_objects_overflowed)
			pr_warn("kasan: object table full (%u): new objects are not tracked\n",
				OBJECT_MAX);
		kasan_objects_overflowed = true;
		return NULL;
	}
	for (i = slot_of(addr); table[i].addr; i = (i + 1) & (OBJECT_SLOTS - 1))
		;
	used++;
	table[i].addr = addr;
	return &table[i];
}

struct kasan_object *kasan_object_containing(uintptr_t addr)
{
	struct kasan_object *best = NULL;

	/* Reports only: a scan of the table is fine there. */
	for (size_t i = 0; i < OBJECT_SLOTS; i++) {
		struct kasan_object *o = &table[i];

		if (!o->addr || o->addr > addr)
			continue;
		if (addr < o->addr + o->region)
			return o;
		/* Else the nearest one below, for an access past its end. */
		if (addr - o->addr < PAGE_SIZE &&
		    (!best || o->addr > best->addr))
			best = o;
	}
	return best;
}

void kasan_object_remove(struct kasan_object *obj)
{
	size_t hole = (size_t)(obj - table);

	memset(obj, 0, sizeof(*obj));
	used--;
	/*
	 * Backward-shift deletion: move up each later entry of the run that
	 * a lookup starting at its home slot would not reach over the hole.
	 */
	for (size_t i = (hole + 1) & (OBJECT_SLOTS - 1); table[i].addr;
	     i = (i + 1) & (OBJECT_SLOTS - 1)) {
		size_t home = slot_of(table[i].addr);

		if (((i - home) & (OBJECT_SLOTS - 1)) <
		    ((i - hole) & (OBJECT_SLOTS - 1)))
			continue;
		table[hole] = table[i];
		memset(&table[i], 0, sizeof(table[i]));
		hole = i;
	}
}
