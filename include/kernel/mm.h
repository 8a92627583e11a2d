/*
 * The memory layout (DESIGN.md, "Virtual memory") and the address
 * conversions every part of the kernel uses.
 */
#ifndef KERNEL_MM_H
#define KERNEL_MM_H

#include <kernel/types.h>

#define PAGE_SHIFT 12
#define PAGE_SIZE (1ul << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))

#define KERNEL_VIRT_BASE 0xffffffff80000000ul	/* boot/boot.inc, linker.ld */
#define DIRECT_MAP_BASE 0xffff800000000000ul

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

/* Linker-script symbols bounding the image's parts (linker.ld). */
extern char __kernel_start[], __kernel_end[];
extern char __text_start[], __text_end[];
extern char __rodata_start[], __rodata_end[];
extern char __init_begin[], __init_end[];
extern char __data_start[], __bss_end[];
extern char kernel_stack_guard[], kernel_stack_bottom[], kernel_stack_top[];

#endif
