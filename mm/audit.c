/*
 * The page-table audit: after boot and after each module load, every
 * present entry is checked against three rules -- no page writable and
 * executable, no writable mapping of a frame that is mapped read-only or
 * executable anywhere (the direct map included), nothing at virtual
 * address 0.  The first pass marks the frames under read-only or
 * executable mappings, the second checks every writable mapping.
 */
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define AUDIT_REPORT_MAX 5 /* problems printed in full per audit */

#define PT_ENTRIES 512
#define PT_LEVELS 4
#define LEVEL_SHIFT(l) (PAGE_SHIFT + 9 * (PT_LEVELS - 1 - (l)))
#define DIRECT_MAP_SLOT ((DIRECT_MAP_BASE >> LEVEL_SHIFT(0)) % PT_ENTRIES)

enum audit_pass { MARK_PROTECTED, CHECK_WRITABLE };

struct audit {
	const char *when;
	enum audit_pass pass;
	uint64_t *protected; /* one bit per frame: mapped RO or X */
	size_t nframes;
	size_t mappings, problems;
};

/* Bitmap of frames, made at boot and kept: RAM does not change. */
static uint64_t *audit_bitmap;
static size_t audit_frames;

/*
 * Made before the init memory is freed: the boot's audit would otherwise
 * be the first to fill frames that held init code, and pay there for the
 * emulator dropping its translations of that code (mm/initmem.c).
 */
void __init mm_audit_init(void)
{
	audit_frames = (frame_pool.base >> PAGE_SHIFT) + frame_pool.nframes;
	audit_bitmap = kmalloc(BITMAP_WORDS(audit_frames) * sizeof(uint64_t),
			       GFP_KERNEL);
	if (!audit_bitmap)
		panic("mm: no memory for the page-table audit's bitmap");
}

static void audit_report(struct audit *a, const char *what, uintptr_t va,
			 pte_t pte)
{
	if (a->problems++ < AUDIT_REPORT_MAX)
		pr_err("mm: audit after %s: %s at %#lx (entry %#llx)\n",
		       a->when, what, (unsigned long)va,
		       (unsigned long long)pte);
}

/* One leaf entry mapping @size bytes at @va, for the current pass. */
static void audit_leaf(struct audit *a, uintptr_t va, pte_t pte, size_t size)
{
	size_t first = (pte & PTE_ADDR_MASK & ~(size - 1)) >> PAGE_SHIFT;
	size_t n = first < a->nframes ?
			   MIN(size >> PAGE_SHIFT, a->nframes - first) :
			   0;
	bool writable = pte & PTE_WRITABLE;

	if (a->pass == MARK_PROTECTED) {
		if (n && (!writable || !(pte & PTE_NX)))
			bitmap_set_range(a->protected, first, n);
		return;
	}
	a->mappings++;
	if (va == 0)
		audit_report(a, "a mapping of virtual address 0", va, pte);
	if (writable && !(pte & PTE_NX))
		audit_report(a, "a writable and executable page", va, pte);
	if (writable && bitmap_any_set(a->protected, first, n))
		audit_report(a, "a writable alias of code or read-only data",
			     va, pte);
}

/*
 * Every present entry under @table (at @level, mapping from @va).  A tight
 * loop rather than vmm_for_each_mapping(): it runs after every module load
 * over tens of thousands of direct-map entries.
 */
/*
 * A last-level table in the second pass, the common case by far (the
 * direct map): entries that are read-only or not present need no more.
 */
static void audit_pt(struct audit *a, const pte_t *table, uintptr_t va)
{
	for (size_t i = 0; i < PT_ENTRIES; i++) {
		pte_t e = table[i];
		uintptr_t at = va + i * PAGE_SIZE;
		size_t frame = (e & PTE_ADDR_MASK) >> PAGE_SHIFT;

		if (!(e & PTE_PRESENT))
			continue;
		a->mappings++;
		if (at == 0)
			audit_report(a, "a mapping of virtual address 0", at,
				     e);
		if (!(e & PTE_WRITABLE))
			continue;
		if (!(e & PTE_NX))
			audit_report(a, "a writable and executable page", at,
				     e);
		if (frame < a->nframes && bitmap_test(a->protected, frame))
			audit_report(a,
				     "a writable alias of code or read-only data",
				     at, e);
	}
}

static void audit_table(struct audit *a, const pte_t *table, int level,
			uintptr_t va)
{
	if (level == PT_LEVELS - 1 && a->pass == CHECK_WRITABLE) {
		audit_pt(a, table, va);
		return;
	}
	for (size_t i = 0; i < PT_ENTRIES; i++) {
		pte_t e = table[i];
		uintptr_t at = va | (i << LEVEL_SHIFT(level));

		if (!(e & PTE_PRESENT))
			continue;
		if (level == 0 && i >= PT_ENTRIES / 2)
			at |= 0xffff000000000000ul; /* sign-extend bit 47 */
		/* The direct map's read-only entries are aliases: the frames
		 * they map are marked through their own mappings. */
		if (level == 0 && i == DIRECT_MAP_SLOT &&
		    a->pass == MARK_PROTECTED)
			continue;
		if (level == PT_LEVELS - 1 || (e & PTE_HUGE))
			audit_leaf(a, at, e, 1ul << LEVEL_SHIFT(level));
		else
			audit_table(a, phys_to_virt(e & PTE_ADDR_MASK),
				    level + 1, at);
	}
}

size_t mm_audit(const char *when)
{
	struct audit a = { .when = when,
			   .protected = audit_bitmap,
			   .nframes = audit_frames };

	memset(a.protected, 0, BITMAP_WORDS(a.nframes) * sizeof(uint64_t));
	a.pass = MARK_PROTECTED;
	audit_table(&a, kernel_pml4, 0, 0);
	a.pass = CHECK_WRITABLE;
	audit_table(&a, kernel_pml4, 0, 0);
	if (a.problems)
		pr_err("mm: audit after %s: %zu problem(s) in %zu mappings\n",
		       when, a.problems, a.mappings);
	else
		printk(KERN_DEBUG
		       "mm: audit after %s: %zu mappings, no W+X page, no writable alias of code or read-only data, nothing at 0\n",
		       when, a.mappings);
	return a.problems;
}
