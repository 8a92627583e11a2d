/*
 * The kernel's GDT and TSS.  Long mode ignores most of the GDT, but needs a
 * code and data descriptor, and a TSS for the interrupt stack table: a double
 * fault gets a stack of its own so a kernel stack overflow is reported
 * instead of resetting the machine.  That stack, like the boot stack, has
 * an unmapped guard page below it (boot/entry.asm, mm/paging.c).
 */
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/mm.h>
#include <kernel/string.h>

#define GDT_NULL 0
#define GDT_KERNEL_CODE 1
#define GDT_KERNEL_DATA 2
#define GDT_TSS 3 /* a system descriptor takes two slots */
#define GDT_ENTRIES 5
#define KERNEL_CS (GDT_KERNEL_CODE * 8) /* boot/boot.inc */
#define KERNEL_DS (GDT_KERNEL_DATA * 8)
#define TSS_SELECTOR (GDT_TSS * 8)

/* excerpt: gdt-descriptors */
/* Descriptor bits (Intel SDM 3A §3.4.5). */
#define DESC_CODE64 0x00af9a000000ffffull /* present, DPL 0, L=1 */
#define DESC_DATA 0x00cf92000000ffffull	  /* present, DPL 0, writable */
#define DESC_TSS_AVAILABLE 0x89
/* excerpt-end: gdt-descriptors */

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __packed;

struct gdt_ptr {
	uint16_t limit;
	uint64_t base;
} __packed;

static uint64_t gdt[GDT_ENTRIES] __aligned(16);
static struct tss tss __aligned(16);

static void gdt_set_tss(void)
{
	uint64_t base = (uintptr_t)&tss, limit = sizeof(tss) - 1;

	gdt[GDT_TSS] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		       ((uint64_t)DESC_TSS_AVAILABLE << 40) |
		       (((limit >> 16) & 0xf) << 48) |
		       (((base >> 24) & 0xff) << 56);
	gdt[GDT_TSS + 1] = base >> 32;
}

/* excerpt: gdt-init */
void __init gdt_init(void)
{
	struct gdt_ptr ptr = { sizeof(gdt) - 1, (uintptr_t)gdt };

	gdt[GDT_NULL] = 0;
	gdt[GDT_KERNEL_CODE] = DESC_CODE64;
	gdt[GDT_KERNEL_DATA] = DESC_DATA;
	/* boot/entry.asm: with a guard page below it, unmapped by mm/. */
	tss.ist[IST_DOUBLE_FAULT - 1] = (uintptr_t)ist_stack_top;
	tss.iomap_base = sizeof(tss); /* no I/O permission bitmap */
	gdt_set_tss();

	__asm__ volatile("lgdt %0\n\t"
			 "pushq %1\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movw %w2, %%ds\n\t"
			 "movw %w2, %%es\n\t"
			 "movw %w2, %%ss\n\t"
			 "ltr %w3"
			 :
			 : "m"(ptr), "i"(KERNEL_CS), "r"(KERNEL_DS),
			   "r"(TSS_SELECTOR)
			 : "rax", "memory");
}
/* excerpt-end: gdt-init */
