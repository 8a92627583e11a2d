/*
 * The page-table audit: after boot and after each module load, every
 * present entry is checked against three rules -- no page writable and
 * executable, no writable mapping of a frame that is mapped read-only or
 * executable anywhere (the direct map included), nothing at virtual
 * address 0.  The first pass marks the frames under read-only or
 * executable mappings, the second checks every writable mapping.
 */
#include <kernel/printk.h>
#include <kernel/string.h>
#include "internal.h"

#define AUDIT_REPORT_MAX 5	/* problems printed in full per audit */

struct audit {
	const char *when;
	uint64_t *protected;	/* one bit per frame: mapped RO or X */
	size_t nframes;
	size_t mappings, problems;
};

/* Bitmap of frames, made at the first audit and kept: RAM does not change. */
static uint64_t *audit_bitmap;
static size_t audit_frames;

static void audit_report(struct audit *a, const char *what, uintptr_t va,
			 pte_t pte)
{
	if (a->problems++ < AUDIT_REPORT_MAX)
		pr_err("mm: audit after %s: %s at %#lx (entry %#llx)\n", a->when,
		       what, (unsigned long)va, (unsigned long long)pte);
}

/* The frames [first, first + count) a leaf entry maps, cut to the bitmap. */
static size_t frames_of(const struct audit *a, pte_t pte, size_t size,
			size_t *first)
{
	*first = (pte & PTE_ADDR_MASK & ~(size - 1)) >> PAGE_SHIFT;
	if (*first >= a->nframes)
		return 0;
	return MIN(size >> PAGE_SHIFT, a->nframes - *first);
}

static void mark_protected(uintptr_t va, pte_t pte, size_t size, void *arg)
{
	struct audit *a = arg;
	size_t first, n;

	if ((pte & PTE_WRITABLE) && (pte & PTE_NX))
		return;
	n = frames_of(a, pte, size, &first);
	if (n)
		bitmap_set_range(a->protected, first, n);
}

static void check_mapping(uintptr_t va, pte_t pte, size_t size, void *arg)
{
	struct audit *a = arg;
	size_t first, n;

	a->mappings++;
	if (va == 0)
		audit_report(a, "a mapping of virtual address 0", va, pte);
	if (!(pte & PTE_WRITABLE))
		return;
	if (!(pte & PTE_NX))
		audit_report(a, "a writable and executable page", va, pte);
	n = frames_of(a, pte, size, &first);
	if (n && bitmap_count_range(a->protected, first, n))
		audit_report(a, "a writable alias of code or read-only data",
			     va, pte);
}

size_t mm_audit(const char *when)
{
	struct audit a = { .when = when };

	if (!audit_bitmap) {
		audit_frames = (frame_pool.base >> PAGE_SHIFT) + frame_pool.nframes;
		audit_bitmap = kmalloc(BITMAP_WORDS(audit_frames) * sizeof(uint64_t),
				       GFP_KERNEL);
		if (!audit_bitmap) {
			pr_err("mm: audit after %s: no memory for its bitmap\n", when);
			return 1;
		}
	}
	a.protected = audit_bitmap;
	a.nframes = audit_frames;
	memset(a.protected, 0, BITMAP_WORDS(a.nframes) * sizeof(uint64_t));
	vmm_for_each_mapping(mark_protected, &a);
	vmm_for_each_mapping(check_mapping, &a);
	if (a.problems)
		pr_err("mm: audit after %s: %zu problem(s) in %zu mappings\n",
		       when, a.problems, a.mappings);
	else
		pr_debug("mm: audit after %s: %zu mappings, no W+X page, no writable alias of code or read-only data, nothing at 0\n",
			 when, a.mappings);
	return a.problems;
}
