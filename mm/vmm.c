/*
 * The kernel's page tables: map, unmap, change permissions and translate,
 * 4 KiB at a time, with page tables allocated as needed (Intel SDM 3A §4.5,
 * 4-level paging).  One address space for the whole kernel; the TLB is
 * flushed with invlpg for each entry that was present and changed.
 */
#include <kernel/errno.h>
#include <kernel/printk.h>
#include <kernel/string.h>
#include <kernel/x86.h>
#include "internal.h"

#define PT_ENTRIES 512
#define PT_LEVELS 4 /* PML4, PDPT, PD, PT */
#define LEVEL_SHIFT(l) (PAGE_SHIFT + 9 * (PT_LEVELS - 1 - (l)))
#define PTE_INDEX(va, l) (((va) >> LEVEL_SHIFT(l)) & (PT_ENTRIES - 1))
/* Intermediate entries allow everything; the leaf decides. */
#define PTE_TABLE (PTE_PRESENT | PTE_WRITABLE)
#define PTE_FLAGS_ALLOWED                                            \
	(PTE_PRESENT | PTE_WRITABLE | PTE_USER | PTE_PWT | PTE_PCD | \
	 PTE_GLOBAL | PTE_NX)

pte_t *kernel_pml4;

static pte_t *table_at(pte_t entry)
{
	return phys_to_virt(entry & PTE_ADDR_MASK);
}

/*
 * The leaf entry for @va, creating missing tables if @create.  NULL if a
 * table is missing (or cannot be allocated: *@err = -ENOMEM) or a huge
 * page is in the way (*@err = -EINVAL).
 */
static pte_t *pte_walk(uintptr_t va, bool create, int *err)
{
	pte_t *table = kernel_pml4;

	for (int level = 0; level < PT_LEVELS - 1; level++) {
		pte_t *e = &table[PTE_INDEX(va, level)];

		if (*e & PTE_HUGE) {
			*err = -EINVAL;
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
	return &table[PTE_INDEX(va, PT_LEVELS - 1)];
}

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

static int protect_pages(uintptr_t virt, size_t pages, pte_t flags)
{
	int err;

	if (!range_ok(virt, pages))
		return -EINVAL;
	if ((err = check_flags(virt, flags, "vmm_protect")))
		return err;
	for (size_t i = 0; i < pages; i++) {
		pte_t *pte = pte_walk(virt + i * PAGE_SIZE, false, &err);

		if (!pte || !(*pte & PTE_PRESENT))
			return pte ? -ENOENT : err;
	}
	for (size_t i = 0; i < pages; i++) {
		uintptr_t va = virt + i * PAGE_SIZE;
		pte_t *pte = pte_walk(va, false, &err);

		*pte = (*pte & PTE_ADDR_MASK) | flags | PTE_PRESENT;
		invlpg(va);
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
