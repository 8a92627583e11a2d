/*
 * The kernel's page tables: map, unmap, change permissions and translate,
 * 4 KiB at a time, with page tables allocated as needed (Intel SDM 3A §4.5,
 * 4-level paging).  One address space for the whole kernel; the TLB is
 * flushed with invlpg for each entry that was present and changed.  The
 * direct map alone also has 2 MiB pages, split into 4 KiB ones when part
 * of one needs other permissions.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

/* excerpt: pte-index */
#define PT_ENTRIES 512
#define PT_LEVELS 4 /* PML4, PDPT, PD, PT */
#define LEVEL_SHIFT(l) (PAGE_SHIFT + 9 * (PT_LEVELS - 1 - (l)))
#define PTE_INDEX(va, l) (((va) >> LEVEL_SHIFT(l)) & (PT_ENTRIES - 1))
/* excerpt-end: pte-index */
/* Intermediate entries allow everything; the leaf decides. */
#define PTE_TABLE (PTE_PRESENT | PTE_WRITABLE)
#define PD_LEVEL (PT_LEVELS - 2) /* where a 2 MiB page is an entry */
#define PTE_FLAGS_ALLOWED                                            \
	(PTE_PRESENT | PTE_WRITABLE | PTE_USER | PTE_PWT | PTE_PCD | \
	 PTE_GLOBAL | PTE_NX)

pte_t *kernel_pml4;

static pte_t *table_at(pte_t entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

/*
 * Replace the 2 MiB page at *@pde, which maps @va, by a page table of 4 KiB
 * entries for the same frames with the same permissions.  0 or -ENOMEM.
 */
static int split_huge(pte_t *pde, uintptr_t va)
{
	phys_addr_t pa = frame_alloc(), base;
	pte_t *pt, flags;

	if (!pa)
		return -ENOMEM;
	pt = phys_to_virt(pa);
	base = *pde & PTE_ADDR_MASK & ~(HUGE_PAGE_SIZE - 1);
	flags = *pde & ~PTE_ADDR_MASK & ~PTE_HUGE;
	for (size_t i = 0; i < PT_ENTRIES; i++)
		pt[i] = (base + i * PAGE_SIZE) | flags;
	*pde = pa | PTE_TABLE;
	/* One invlpg drops the whole 2 MiB TLB entry (SDM 3A §4.10.4.1). */
	invlpg(ALIGN_DOWN(va, HUGE_PAGE_SIZE));
	return 0;
}

/* Set by the CPU as it uses an entry; no part of what it maps. */
#define PTE_USAGE_BITS (PTE_ACCESSED | PTE_DIRTY)

/*
 * The reverse of split_huge: if the page table behind the PD entry for
 * direct-map address @va maps 2 MiB of consecutive frames with one set of
 * permissions again, put the 2 MiB page back and free the table.
 */
static void merge_huge(uintptr_t va)
{
	pte_t *pde = &kernel_pml4[PTE_INDEX(va, 0)], *pt, flags;
	uintptr_t start = ALIGN_DOWN(va, HUGE_PAGE_SIZE);
	phys_addr_t base;

	for (int level = 1; level <= PD_LEVEL; level++) {
		if (!(*pde & PTE_PRESENT) || (*pde & PTE_HUGE))
			return;
		pde = &table_at(*pde)[PTE_INDEX(va, level)];
	}
	if (!(*pde & PTE_PRESENT) || (*pde & PTE_HUGE))
		return;
	pt = table_at(*pde);
	base = pt[0] & PTE_ADDR_MASK;
	flags = pt[0] & ~PTE_ADDR_MASK & ~PTE_USAGE_BITS;
	if (!(flags & PTE_PRESENT) || !IS_ALIGNED(base, HUGE_PAGE_SIZE))
		return;
	for (size_t i = 1; i < PT_ENTRIES; i++)
		if ((pt[i] & ~PTE_USAGE_BITS) !=
		    ((base + i * PAGE_SIZE) | flags))
			return;
	*pde = base | flags | PTE_HUGE;
	/* The 4 KiB entries may be cached each; drop them all. */
	for (size_t i = 0; i < PT_ENTRIES; i++)
		invlpg(start + i * PAGE_SIZE);
	frame_free(virt_to_phys(pt));
}

/*
 * The entry for @va at @leaf (PT_LEVELS - 1 for a 4 KiB page, PD_LEVEL for
 * a 2 MiB one), creating missing tables if @create and splitting a 2 MiB
 * page in the way if @split.  NULL if a table is missing (or cannot be
 * allocated: *@err = -ENOMEM) or a huge page is in the way
 * (*@err = -EINVAL).
 */
/* excerpt: pte-walk */
/* lab: 06 entry-walk */
static pte_t *entry_walk(uintptr_t va, int leaf, bool create, bool split,
			 int *err)
{
	pte_t *table = kernel_pml4;

	for (int level = 0; level < leaf; level++) {
		pte_t *e = &table[PTE_INDEX(va, level)];

		if (*e & PTE_HUGE) {
			if (!split || level != PD_LEVEL) {
				*err = -EINVAL;
				return NULL;
			}
			if ((*err = split_huge(e, va)))
				return NULL;
		}
		if (!(*e & PTE_PRESENT)) {
			phys_addr_t pa;

			if (!create || !(pa = frame_alloc())) {
				*err = create ? -ENOMEM : -ENOENT;
				return NULL;
			}
			memset(phys_to_virt(pa), 0, PAGE_SIZE);
			*e = pa | PTE_TABLE;
		}
		table = table_at(*e);
	}
	return &table[PTE_INDEX(va, leaf)];
}
/* lab-end: 06 entry-walk */

/* The 4 KiB leaf entry for @va (entry_walk). */
static pte_t *pte_walk(uintptr_t va, bool create, int *err)
{
	return entry_walk(va, PT_LEVELS - 1, create, false, err);
}
/* excerpt-end: pte-walk */

/* excerpt: wx-check */
static int check_flags(uintptr_t virt, pte_t flags, const char *op)
{
	if (flags & ~PTE_FLAGS_ALLOWED) {
		pr_err("%s: %#lx: unknown page flags %#llx\n", op,
		       (unsigned long)virt,
		       (unsigned long long)(flags & ~PTE_FLAGS_ALLOWED));
		return -EINVAL;
	}
	if ((flags & PTE_WRITABLE) && !(flags & PTE_NX)) {
		pr_err("%s: %#lx: writable and executable breaks W^X\n", op,
		       (unsigned long)virt);
		return -EINVAL;
	}
	return 0;
}
/* excerpt-end: wx-check */

static bool range_ok(uintptr_t virt, size_t pages)
{
	uintptr_t last = virt + (pages - 1) * PAGE_SIZE;

	return pages && IS_ALIGNED(virt, PAGE_SIZE) && is_canonical(virt) &&
	       last >= virt && is_canonical(last) &&
	       (virt >> 47) == (last >> 47);
}

/* Free the page table behind the PD entry for @va if it maps nothing. */
static void pt_free_if_empty(uintptr_t va)
{
	pte_t *table = kernel_pml4, *pde = NULL;
	pte_t *pt;

	for (int level = 0; level < PT_LEVELS - 1; level++) {
		pde = &table[PTE_INDEX(va, level)];
		if (!(*pde & PTE_PRESENT) || (*pde & PTE_HUGE))
			return;
		table = table_at(*pde);
	}
	pt = table;
	for (size_t i = 0; i < PT_ENTRIES; i++)
		if (pt[i])
			return;
	*pde = 0;
	/* Drops paging-structure caches for the table too (SDM 3A §4.10.4.1). */
	invlpg(va);
	frame_free(virt_to_phys(pt));
}

static int unmap_pages(uintptr_t virt, size_t pages)
{
	int err = 0;

	if (!range_ok(virt, pages))
		return -EINVAL;
	for (size_t i = 0; i < pages; i++) {
		uintptr_t va = virt + i * PAGE_SIZE;
		int e = -ENOENT;
		pte_t *pte = pte_walk(va, false, &e);

		if (pte && (*pte & PTE_PRESENT)) {
			*pte = 0;
			invlpg(va);
		} else {
			err = e;
		}
		/* At the end of each page table's stretch, see if it is empty. */
		if (i + 1 == pages ||
		    PTE_INDEX(va + PAGE_SIZE, PT_LEVELS - 1) == 0)
			pt_free_if_empty(va);
	}
	return err;
}

static int map_pages(uintptr_t virt, phys_addr_t phys, size_t pages,
		     pte_t flags)
{
	pte_t *pte = NULL;
	int err = 0;
	size_t i;

	if (!range_ok(virt, pages) || !IS_ALIGNED(phys, PAGE_SIZE) ||
	    (phys & ~PTE_ADDR_MASK))
		return -EINVAL;
	if ((err = check_flags(virt, flags, "vmm_map")))
		return err;
	for (i = 0; i < pages; i++) {
		uintptr_t va = virt + i * PAGE_SIZE;

		/* Within one page table the next entry follows the last. */
		if (!pte || PTE_INDEX(va, PT_LEVELS - 1) == 0)
			pte = pte_walk(va, true, &err);
		else
			pte++;
		if (!pte)
			goto out_unmap;
		if (*pte & PTE_PRESENT) {
			err = -EEXIST;
			goto out_unmap;
		}
		/* Not-present entries are never cached: no flush needed. */
		*pte = (phys + i * PAGE_SIZE) | flags | PTE_PRESENT;
	}
	return 0;

out_unmap:
	if (i)
		unmap_pages(virt, i);
	return err;
}

/* lab: 06 protect-pages */
static int protect_pages(uintptr_t virt, size_t pages, pte_t flags)
{
	int err;

	if (!range_ok(virt, pages))
		return -EINVAL;
	if ((err = check_flags(virt, flags, "vmm_protect")))
		return err;
	/* Splitting a 2 MiB page first changes no permission. */
	for (size_t i = 0; i < pages; i++) {
		pte_t *pte = entry_walk(virt + i * PAGE_SIZE, PT_LEVELS - 1,
					false, true, &err);

		if (!pte || !(*pte & PTE_PRESENT))
			return pte ? -ENOENT : err;
	}
	for (size_t i = 0; i < pages; i++) {
		uintptr_t va = virt + i * PAGE_SIZE;
		pte_t *pte = pte_walk(va, false, &err);

		*pte = (*pte & PTE_ADDR_MASK) | flags | PTE_PRESENT;
		invlpg(va);
	}
	/* Back to one set of permissions, a split direct-map page merges. */
	if (virt >= DIRECT_MAP_BASE &&
	    virt < DIRECT_MAP_BASE + FRAME_PHYS_LIMIT)
		for (uintptr_t va = ALIGN_DOWN(virt, HUGE_PAGE_SIZE);
		     va < virt + pages * PAGE_SIZE; va += HUGE_PAGE_SIZE)
			merge_huge(va);
	return 0;
}
/* lab-end: 06 protect-pages */

/*
 * @count 2 MiB pages from @virt to @phys (both 2 MiB-aligned) with @flags;
 * boot-time, for the direct map: nothing may be mapped there yet.
 */
int vmm_map_huge(uintptr_t virt, phys_addr_t phys, size_t count, pte_t flags)
{
	int err;

	if (!count || !IS_ALIGNED(virt, HUGE_PAGE_SIZE) ||
	    !IS_ALIGNED(phys, HUGE_PAGE_SIZE) ||
	    !range_ok(virt, count * PT_ENTRIES) || (phys & ~PTE_ADDR_MASK))
		return -EINVAL;
	if ((err = check_flags(virt, flags, "vmm_map_huge")))
		return err;
	for (size_t i = 0; i < count; i++) {
		uintptr_t va = virt + i * HUGE_PAGE_SIZE;
		pte_t *pde = entry_walk(va, PD_LEVEL, true, false, &err);

		if (!pde)
			return err;
		if (*pde & PTE_PRESENT)
			return -EEXIST;
		*pde = (phys + i * HUGE_PAGE_SIZE) | flags | PTE_HUGE |
		       PTE_PRESENT;
	}
	return 0;
}

/* The page tables are shared with interrupt handlers: no IRQ mid-change. */
int vmm_map(uintptr_t virt, phys_addr_t phys, size_t pages, pte_t flags)
{
	uint64_t irq = irq_save();
	int err = map_pages(virt, phys, pages, flags);

	irq_restore(irq);
	return err;
}

int vmm_unmap(uintptr_t virt, size_t pages)
{
	uint64_t irq = irq_save();
	int err = unmap_pages(virt, pages);

	irq_restore(irq);
	return err;
}

int vmm_protect(uintptr_t virt, size_t pages, pte_t flags)
{
	uint64_t irq = irq_save();
	int err = protect_pages(virt, pages, flags);

	irq_restore(irq);
	return err;
}

int vmm_translate(uintptr_t virt, phys_addr_t *phys, pte_t *flags)
{
	pte_t *table = kernel_pml4, e = 0;

	if (!is_canonical(virt))
		return -ENOENT;
	for (int level = 0; level < PT_LEVELS; level++) {
		e = table[PTE_INDEX(virt, level)];
		if (!(e & PTE_PRESENT))
			return -ENOENT;
		if (level == PT_LEVELS - 1 || (e & PTE_HUGE)) {
			uintptr_t off = (1ul << LEVEL_SHIFT(level)) - 1;

			if (phys)
				*phys = (e & PTE_ADDR_MASK & ~off) |
					(virt & off);
			if (flags)
				*flags = e & ~PTE_ADDR_MASK;
			return 0;
		}
		table = table_at(e);
	}
	return -ENOENT;
}

static void walk_level(pte_t *table, int level, uintptr_t va,
		       void (*fn)(uintptr_t, pte_t, size_t, void *), void *arg)
{
	for (size_t i = 0; i < PT_ENTRIES; i++) {
		pte_t e = table[i];
		uintptr_t a = va | (i << LEVEL_SHIFT(level));

		if (level == 0 && i >= PT_ENTRIES / 2)
			a |= 0xffff000000000000ul; /* sign-extend bit 47 */
		if (!(e & PTE_PRESENT))
			continue;
		if (level == PT_LEVELS - 1 || (e & PTE_HUGE))
			fn(a, e, 1ul << LEVEL_SHIFT(level), arg);
		else
			walk_level(table_at(e), level + 1, a, fn, arg);
	}
}

void vmm_for_each_mapping(void (*fn)(uintptr_t va, pte_t pte, size_t size,
				     void *arg),
			  void *arg)
{
	walk_level(kernel_pml4, 0, 0, fn, arg);
}
