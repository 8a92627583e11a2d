/*
 * KASAN's stack depot, as Linux's lib/stackdepot.c: the call chain of
 * every allocation and free is kept, but most chains repeat, so each
 * distinct one is stored once, in a pool of frames set aside at boot, and
 * an object keeps only a 32-bit handle.  Chains are read by
 * stack_trace_save(), from the frame-pointer chain the kernel is built with.
 */
#include <kernel/kallsyms.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define DEPOT_POOL_PAGES 512 /* 2 MiB: some 14,000 distinct chains */
#define DEPOT_HASH_SIZE 4096 /* buckets, a power of two */

struct depot_record {
	uint32_t next; /* the bucket's next record, 0 for none */
	uint32_t hash;
	uint32_t nr;
	uint32_t pad;
	uintptr_t entries[];
};

static char *pool;
static size_t pool_used = 8; /* offset 0 means "no record" */
static uint32_t buckets[DEPOT_HASH_SIZE];

bool kasan_stack_init(void)
{
	phys_addr_t pa = frame_alloc_contig(DEPOT_POOL_PAGES, 1);

	if (!pa)
		return false;
	pool = phys_to_virt(pa);
	return true;
}

/* FNV-1a over the chain's bytes. */
static uint32_t chain_hash(const uintptr_t *entries, unsigned int nr)
{
	const uint8_t *b = (const uint8_t *)entries;
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < nr * sizeof(*entries); i++)
		h = (h ^ b[i]) * 16777619u;
	return h;
}

static struct depot_record *record_at(uint32_t handle)
{
	return (struct depot_record *)(pool + handle);
}

uint32_t kasan_save_stack(unsigned int skip)
{
	unsigned long entries[KASAN_STACK_DEPTH];
	unsigned int nr =
		stack_trace_save(entries, KASAN_STACK_DEPTH, skip + 1);
	uint32_t hash = chain_hash(entries, nr);
	uint32_t *bucket = &buckets[hash & (DEPOT_HASH_SIZE - 1)];
	size_t need = sizeof(struct depot_record) + nr * sizeof(uintptr_t);
	struct depot_record *r;
	uint32_t h;

	if (!pool)
		return 0;
	for (h = *bucket; h; h = record_at(h)->next) {
		r = record_at(h);
		if (r->hash == hash && r->nr == nr &&
		    !memcmp(r->entries, entries, nr * sizeof(uintptr_t)))
			return h;
	}
	if (pool_used + need > DEPOT_POOL_PAGES * PAGE_SIZE)
		return 0;
	h = (uint32_t)pool_used;
	pool_used += need;
	r = record_at(h);
	r->hash = hash;
	r->nr = nr;
	memcpy(r->entries, entries, nr * sizeof(uintptr_t));
	r->next = *bucket;
	*bucket = h;
	return h;
}

void kasan_print_stack(uint32_t handle)
{
	char sym[KSYM_SYMBOL_LEN];
	const struct depot_record *r;

	if (!handle) {
		pr_err(" (stack not recorded: the depot is full)\n");
		return;
	}
	r = record_at(handle);
	for (uint32_t i = 0; i < r->nr; i++) {
		sprint_backtrace(sym, sizeof(sym), r->entries[i]);
		pr_err(" %s\n", sym);
	}
}
