/*
 * Memory management: the layout (docs/mm.md, "Virtual areas"), physical
 * frames, page tables, the kernel heap, the module area and ioremap.
 * Everything here may be used once mm_init() has run, from any context
 * (the allocators disable interrupts around their bookkeeping).
 */
#ifndef KERNEL_MM_H
#define KERNEL_MM_H

#include <kernel/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ul << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGES(bytes) (((bytes) + PAGE_SIZE - 1) >> PAGE_SHIFT)

/* excerpt: layout */
#define KERNEL_VIRT_BASE 0xffffffff80000000ul /* boot/boot.inc, linker.ld */
#define DIRECT_MAP_BASE 0xffff800000000000ul
#define MODULE_AREA_START 0xffffffffa0000000ul
#define MODULE_AREA_END 0xffffffffff000000ul	/* exclusive */
#define IOREMAP_AREA_START 0xffffc90000000000ul /* MMIO mappings */
#define IOREMAP_AREA_END 0xffffc90040000000ul	/* 1 GiB, exclusive */
/* excerpt-end: layout */
/* Threads' kernel stacks, each with a guard page below (mm/vmarea.c). */
#define STACK_AREA_START 0xffffc90040000000ul
#define STACK_AREA_END 0xffffc90044000000ul /* 64 MiB, exclusive */

/* excerpt: phys-to-virt */
/* The direct map covers all RAM: physical address + DIRECT_MAP_BASE. */
static inline void *phys_to_virt(phys_addr_t pa)
{
	return (void *)(uintptr_t)(pa + DIRECT_MAP_BASE);
}

/* virt_to_phys - for direct-map and kernel-image addresses only. */
static inline phys_addr_t virt_to_phys(const void *va)
{
	uintptr_t a = (uintptr_t)va;

	if (a >= KERNEL_VIRT_BASE)
		return a - KERNEL_VIRT_BASE;
	return a - DIRECT_MAP_BASE;
}
/* excerpt-end: phys-to-virt */

/* Linker-script symbols bounding the image's parts (linker.ld). */
extern char __kernel_start[], __kernel_end[];
extern char __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[];
extern char __init_begin[], __init_data_start[], __init_end[];
extern char __data_start[], __bss_end[];
extern char kernel_stack_guard[], kernel_stack_bottom[], kernel_stack_top[];
/* The double-fault handler's stack (IST 1), guard page below (entry.asm). */
extern char ist_stack_guard[], ist_stack_bottom[], ist_stack_top[];

/* mm_init - frames, kernel page tables, heap, fault messages.  __init. */
void mm_init(void);

/* ---- Physical frames ---- */

/*
 * frame_alloc - one free 4 KiB frame; 0 when memory is exhausted (physical
 * page 0 is never handed out).  Its contents are whatever was there.
 */
phys_addr_t frame_alloc(void);

/*
 * frame_alloc_contig - @count physically contiguous frames whose first one
 * is aligned to @align frames (a power of two; 1 for none).  0 if no such
 * run is free.
 */
phys_addr_t frame_alloc_contig(size_t count, size_t align);

/*
 * frame_free / frame_free_contig - give frames back.  Freeing a frame that
 * is not allocated (double free, reserved, not RAM) is reported and
 * refused; -EINVAL, nothing freed.
 */
int frame_free(phys_addr_t pa);
int frame_free_contig(phys_addr_t pa, size_t count);

/* What freed boot-time memory is filled with: stale reads show it (Linux's). */
#define POISON_FREE_INITMEM 0xcc

/*
 * free_reserved_area - give the frames of [@start, @end), direct-map
 * addresses of memory set aside at boot (a boot module's), to the
 * allocator, filled with @poison first unless it is -1, and log Linux's
 * "Freeing @s memory: NNNK".  The whole pages the range touches go, but
 * one it shares with another boot reservation stays.  Returns the pages
 * freed.  __init: the boot reservations are init data.
 */
unsigned long free_reserved_area(void *start, void *end, int poison,
				 const char *s);

/* ---- Page tables (Intel SDM 3A §4.5, 4-level paging) ---- */

/* excerpt: pte-bits */
typedef uint64_t pte_t;

#define PTE_PRESENT (1ull << 0)
#define PTE_WRITABLE (1ull << 1)
#define PTE_USER (1ull << 2)
#define PTE_PWT (1ull << 3) /* write-through */
#define PTE_PCD (1ull << 4) /* cache disable */
#define PTE_ACCESSED (1ull << 5)
#define PTE_DIRTY (1ull << 6)
#define PTE_HUGE (1ull << 7)   /* 2 MiB (PD) or 1 GiB (PDPT) page */
#define PTE_GLOBAL (1ull << 8) /* kept in the TLB across CR3 loads */
#define PTE_NX (1ull << 63)    /* execute-disable (needs EFER.NXE) */
#define PTE_ADDR_MASK 0x000ffffffffff000ull
#define HUGE_PAGE_SIZE (2ul << 20) /* a page-directory entry's page */

/* The kernel's usual combinations; none is both writable and executable. */
#define PAGE_KERNEL_RX (PTE_PRESENT | PTE_GLOBAL)
#define PAGE_KERNEL_RO (PTE_PRESENT | PTE_GLOBAL | PTE_NX)
#define PAGE_KERNEL_RW (PTE_PRESENT | PTE_WRITABLE | PTE_GLOBAL | PTE_NX)
#define PAGE_KERNEL_IO (PAGE_KERNEL_RW | PTE_PCD | PTE_PWT)
/* excerpt-end: pte-bits */

/*
 * vmm_map - map @pages pages from @virt to @phys with @flags (PTE_*;
 * PTE_PRESENT is implied), allocating page tables as needed.  Both
 * addresses page-aligned.  Returns 0; -EINVAL for misaligned or
 * non-canonical addresses, unknown flags, or writable+executable flags
 * (W^X); -EEXIST if a page is already mapped; -ENOMEM if a page table
 * cannot be allocated.  On error nothing stays mapped.
 */
int vmm_map(uintptr_t virt, phys_addr_t phys, size_t pages, pte_t flags);

/*
 * vmm_unmap - remove the mappings of @pages pages from @virt and flush them
 * from the TLB; page tables left empty are freed.  The frames themselves
 * are the caller's.  -ENOENT if some page was not mapped (the rest are
 * unmapped all the same), -EINVAL for a bad address or a huge page.
 */
int vmm_unmap(uintptr_t virt, size_t pages);

/*
 * vmm_protect - give @pages mapped pages from @virt new @flags (as for
 * vmm_map) and flush them.  A 2 MiB page of the direct map in the range is
 * split into 4 KiB pages first (same frames, same permissions).  -ENOENT,
 * changing nothing, if one is not mapped; -ENOMEM if no frame is left for
 * a split; -EINVAL as for vmm_map.
 */
int vmm_protect(uintptr_t virt, size_t pages, pte_t flags);

/*
 * vmm_translate - the physical address @virt maps to, and the flags of
 * the entry mapping it (either pointer may be NULL).  0 or -ENOENT.
 */
int vmm_translate(uintptr_t virt, phys_addr_t *phys, pte_t *flags);

/*
 * vmm_for_each_mapping - call @fn for every present leaf entry of the
 * kernel's page tables: its virtual address, entry and the size it maps.
 */
void vmm_for_each_mapping(void (*fn)(uintptr_t va, pte_t pte, size_t size,
				     void *arg),
			  void *arg);

/* ---- Kernel heap ---- */

/* Sprout's allocators never sleep, so GFP_ATOMIC is GFP_KERNEL. */
typedef unsigned int gfp_t;
#define GFP_KERNEL 0u
#define GFP_ATOMIC 0u
#define __GFP_ZERO 1u /* zero the memory */

/*
 * kmalloc - @size bytes of kernel memory (16-byte aligned, page-aligned
 * above 1 KiB), or NULL if @size is 0, absurdly large or memory is out.
 * kzalloc - the same, zeroed.
 * krealloc - resize, keeping the contents (NULL @ptr: allocate; @size 0:
 * free); NULL on failure with @ptr untouched.
 * kfree - free; NULL is a no-op, a double or foreign free is reported and
 * ignored.
 */
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *krealloc(void *ptr, size_t size, gfp_t flags);
void kfree(const void *ptr);
/* ksize - the usable size of a live kmalloc object, 0 for anything else. */
size_t ksize(const void *ptr);
/* kmalloc_trim - return wholly unused heap pages to the frame allocator. */
void kmalloc_trim(void);

/* ---- Module area and MMIO ---- */

/*
 * modarea_alloc - @size bytes (rounded up to pages) in the module area,
 * zeroed, mapped with @prot (PAGE_KERNEL_RW, _RX, _RO), with an unmapped
 * guard page after it.  NULL if the area or memory is exhausted or @prot
 * breaks W^X.
 */
void *modarea_alloc(size_t size, pte_t prot);

/*
 * modarea_protect - new permissions for the whole allocation at @addr.
 * modarea_protect_range - for @pages pages from @addr inside one
 * allocation.  Both give the frames' direct-map alias read-only
 * permissions when @prot is not writable (so code and constants cannot be
 * written through it), writable ones when it is; modarea_free() makes the
 * alias writable again.  0, -EINVAL (not in one allocation) or vmm_protect's
 * error.
 */
int modarea_protect(void *addr, pte_t prot);
int modarea_protect_range(void *addr, size_t pages, pte_t prot);

/* modarea_free - unmap and free an allocation; a bad @addr is reported. */
void modarea_free(void *addr);

/*
 * stack_area_alloc - @size bytes (rounded up to pages) for a kernel stack,
 * zeroed, read-write and never executable, with an unmapped guard page
 * below it: a stack that overflows faults there.  NULL if the area or
 * memory is exhausted.  stack_area_free - unmap and free one; a bad @addr
 * is reported.
 */
void *stack_area_alloc(size_t size);
void stack_area_free(void *addr);

/*
 * ioremap - map @size bytes of device memory at @phys (anywhere, also
 * above 4 GiB), uncached; returns the kernel address of @phys or NULL.
 * iounmap - undo it.
 */
void *ioremap(phys_addr_t phys, size_t size);
void iounmap(void *addr);

/*
 * mm_audit - walk every page-table entry and report (pr_err, naming
 * @when: "boot", a module's name) each page that is writable and
 * executable, each writable mapping of a frame that is also mapped
 * read-only or executable (kernel or module code, constants -- the direct
 * map included), and any mapping of virtual address 0.  Returns the number
 * of problems found.  Run after boot and after each module load.
 */
size_t mm_audit(const char *when);

/* ---- Counters (meminfo, leak tests) ---- */

struct mm_stats {
	size_t frames_total; /* usable RAM, in frames */
	size_t frames_free;
	size_t frames_reserved; /* kernel, boot data, firmware */
	size_t heap_bytes;	/* in live kmalloc allocations */
	size_t heap_pages;	/* held by the heap */
	size_t heap_allocations;
	size_t heap_bad_frees;
	size_t modarea_pages; /* mapped in the module area */
	size_t ioremap_pages;
	size_t stack_pages; /* mapped in the stack area */
	size_t init_freed;  /* bytes, 0 before free_initmem() */
};

/* mm_get_stats - fill @st with the current counters. */
void mm_get_stats(struct mm_stats *st);

/*
 * free_initmem - unmap [__init_begin, __init_end), give its frames to the
 * allocator and log "Freeing unused kernel memory: NNNk freed".  Called
 * once, at the end of boot; later touches of init memory oops with a
 * message that says so.
 */
void free_initmem(void);

#endif
