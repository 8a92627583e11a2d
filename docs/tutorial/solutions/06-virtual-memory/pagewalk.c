/*
 * Exercise 6.1: walk the page tables by hand, as the CPU does.  From CR3,
 * through PML4, PDPT, PD and PT, for addresses of each kind the module can
 * name -- its own code, constants and data, a heap buffer, kernel code, and
 * an address nothing maps -- printing every entry on the way and the
 * permissions of the last one.
 */
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <kernel/mm.h>
#include <kernel/x86.h>

#define LEVELS 4
#define ENTRIES_PER_TABLE 512

static const char *const level_names[LEVELS] = { "PML4", "PDPT", "PD", "PT" };

static const int walk_constant = 42;
static int walk_variable = 42;

/* Bits 47..39 index the PML4, 38..30 the PDPT, 29..21 the PD, 20..12 the PT. */
static unsigned int walk_index(uintptr_t va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * (LEVELS - 1 - level))) &
	       (ENTRIES_PER_TABLE - 1);
}

/* Log the walk for @va; its physical address, or 0 if nothing maps it. */
static phys_addr_t walk(const char *what, const void *addr)
{
	uintptr_t va = (uintptr_t)addr;
	const pte_t *table = phys_to_virt(read_cr3() & PTE_ADDR_MASK);
	size_t page_size = PAGE_SIZE << (9 * (LEVELS - 1));
	phys_addr_t pa;
	pte_t e = 0;

	pr_info("pagewalk: %s %px\n", what, addr);
	for (int level = 0; level < LEVELS; level++) {
		unsigned int i = walk_index(va, level);

		e = table[i];
		pr_info("pagewalk:   %-4s[%3u] = %016llx\n", level_names[level],
			i, (unsigned long long)e);
		if (!(e & PTE_PRESENT)) {
			pr_info("pagewalk:   not mapped (%s entry not present)\n",
				level_names[level]);
			return 0;
		}
		/* A PDPT or PD entry with PS set maps a 1 GiB or 2 MiB page. */
		if (level == LEVELS - 1 || (level > 0 && (e & PTE_HUGE)))
			break;
		table = phys_to_virt(e & PTE_ADDR_MASK);
		page_size >>= 9;
	}
	pa = (e & PTE_ADDR_MASK & ~(pte_t)(page_size - 1)) |
	     (va & (page_size - 1));
	pr_info("pagewalk:   -> physical %#llx, %s, %s, %zu KiB page\n",
		(unsigned long long)pa,
		e & PTE_WRITABLE ? "writable" : "read-only",
		e & PTE_NX ? "no-execute" : "executable", page_size >> 10);
	return pa;
}

static int __init pagewalk_init(void)
{
	void *buffer = kmalloc(64, GFP_KERNEL);
	phys_addr_t pa;

	if (!buffer)
		return -ENOMEM;
	walk("module code", pagewalk_init);
	walk("module constant", &walk_constant);
	walk("module variable", &walk_variable);
	walk("kernel code", printk);
	pa = walk("heap buffer", buffer);
	pr_info("pagewalk: heap buffer: walk %#llx, virt_to_phys %#llx\n",
		(unsigned long long)pa,
		(unsigned long long)virt_to_phys(buffer));
	walk("address 0x1000", (void *)0x1000);
	kfree(buffer);
	return 0;
}

module_init(pagewalk_init);
MODULE_LICENSE("GPL");
