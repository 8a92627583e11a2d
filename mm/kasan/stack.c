/*
 * The shadow of kernel stacks.  GCC's stack instrumentation (asan-stack)
 * writes it inline: each function with a local whose address is taken
 * poisons red zones around its locals on entry and clears them on return,
 * whatever kasan_enabled says.  So the boot stacks' shadow must be mapped
 * before the first such function runs -- kasan_early_init(), first of
 * kernel_main(), maps it in the entry code's page tables from pages of the
 * image, and mm_paging_init() maps the same pages in the kernel's own --
 * and every thread's stack gets its shadow with its pages.  Reports find
 * the frame of a bad stack address from the description GCC leaves at
 * the frame's base.
 */
#include <kernel/init.h>
#include <kernel/panic.h>
#include <kernel/printk.h>
#include <kernel/sched.h>
#include "internal.h"

/* The entry code's stacks (boot/entry.asm): the boot and double-fault
 * stacks, with their guard pages, one after the other in .bss. */
extern char kernel_stack_guard[], ist_stack_top[];
extern pte_t boot_pml4[];

#define EARLY_PT_ENTRIES 512
/* The bits of an address each level indexes (Intel SDM 3A §4.5). */
#define PML4_SHIFT 39
#define PDPT_SHIFT 30
#define PD_SHIFT 21
#define PT_SHIFT 12
#define EARLY_SHADOW_PAGES 2 /* the stacks' 28 KiB need 3.5 KiB of shadow */

/* The entry code's tables have no room for the shadow: a PDPT, PD and
 * PT of its own, and the shadow pages, all in the image. */
static pte_t early_pdpt[EARLY_PT_ENTRIES] __aligned(PAGE_SIZE);
static pte_t early_pd[EARLY_PT_ENTRIES] __aligned(PAGE_SIZE);
static pte_t early_pt[EARLY_PT_ENTRIES] __aligned(PAGE_SIZE);
static uint8_t early_shadow[EARLY_SHADOW_PAGES][PAGE_SIZE] __aligned(PAGE_SIZE);

static size_t early_index(uintptr_t va, int shift)
{
	return (va >> shift) & (EARLY_PT_ENTRIES - 1);
}

/* The physical address of @p, in the image, as a table entry. */
static pte_t early_entry(const void *p)
{
	return ((uintptr_t)p - KERNEL_VIRT_BASE) | PTE_PRESENT | PTE_WRITABLE |
	       PTE_NX;
}

void __init kasan_early_init(void)
{
	uintptr_t s =
		ALIGN_DOWN((uintptr_t)kasan_mem_to_shadow(kernel_stack_guard),
			   PAGE_SIZE);
	uintptr_t e = ALIGN_UP((uintptr_t)kasan_mem_to_shadow(ist_stack_top),
			       PAGE_SIZE);
	size_t pages = (e - s) >> PAGE_SHIFT;

	/* One PT maps them all, in a PML4 slot of their own, or the tables
	 * below would not do (the entry code's: 0, 256 and 511). */
	if (pages > EARLY_SHADOW_PAGES ||
	    early_index(s, PD_SHIFT) != early_index(e - 1, PD_SHIFT) ||
	    boot_pml4[early_index(s, PML4_SHIFT)])
		panic("kasan: the boot stacks' shadow (%zu pages at %lx) does not fit the early tables",
		      pages, s);
	boot_pml4[early_index(s, PML4_SHIFT)] = early_entry(early_pdpt);
	early_pdpt[early_index(s, PDPT_SHIFT)] = early_entry(early_pd);
	early_pd[early_index(s, PD_SHIFT)] = early_entry(early_pt);
	for (size_t i = 0; i < pages; i++)
		early_pt[early_index(s, PT_SHIFT) + i] =
			early_entry(early_shadow[i]);
	/* The slot was empty: nothing of it can be in the TLB. */
	kasan_boot_shadow_start = s;
	kasan_boot_shadow_end = e;
}

void __init kasan_map_early_shadow(void)
{
	size_t pages = (kasan_boot_shadow_end - kasan_boot_shadow_start) >>
		       PAGE_SHIFT;

	for (size_t i = 0; i < pages; i++)
		if (vmm_map(kasan_boot_shadow_start + i * PAGE_SIZE,
			    virt_to_phys(early_shadow[i]), 1, PAGE_KERNEL_RW))
			panic("kasan: cannot map the boot stacks' shadow");
}

/* ---- Frames, for reports ---- */

/* GCC's mark at the base of an instrumented frame (its asan ABI). */
#define FRAME_MAGIC 0x41b58ab3ul

bool kasan_stack_address(uintptr_t addr)
{
	return (addr >= (uintptr_t)kernel_stack_guard &&
		addr < (uintptr_t)ist_stack_top) ||
	       (addr >= STACK_AREA_START && addr < STACK_AREA_END);
}

/*
 * The frame base holds the magic, the frame's description ("2 32 8 1 a
 * 64 16 3 buf": the count, then offset, size, name length and name of
 * each local) and the function, and its shadow is a left red zone (0xf1):
 * below @addr, past the first 0xf1 run met going down.
 */
bool kasan_find_frame(uintptr_t addr, struct kasan_frame *f)
{
	uintptr_t mem = ALIGN_DOWN(addr, KASAN_GRANULE_SIZE);
	uintptr_t floor = mem > THREAD_SIZE ? mem - THREAD_SIZE : 0;
	bool in_left = false;
	const uintptr_t *base;

	for (; mem > floor && kasan_shadow_covers(mem);
	     mem -= KASAN_GRANULE_SIZE) {
		bool left = (uint8_t)*kasan_mem_to_shadow((void *)mem) ==
			    KASAN_STACK_LEFT;

		if (in_left && !left)
			break;
		in_left = left;
	}
	if (!in_left)
		return false;
	base = (const uintptr_t *)(mem + KASAN_GRANULE_SIZE);
	if (base[0] != FRAME_MAGIC)
		return false;
	f->offset = addr - (uintptr_t)base;
	f->descr = (const char *)base[1];
	f->pc = base[2];
	return true;
}
