; The 32-bit entry point.  GRUB jumps here in protected mode with paging off,
; EAX = Multiboot2 magic and EBX = physical address of the boot information.
; We check that this CPU can run the kernel, build the first page tables,
; switch to long mode and jump to kernel_main in the higher half.
;
; This code runs at its physical address (linker.ld places .boot there);
; everything else in the image is linked at KERNEL_VIRT_BASE + physical, so
; symbols from there are used as (symbol - KERNEL_VIRT_BASE) until paging is on.

%include "boot/boot.inc"

CPUID_EXT_BASE          equ 0x80000000
CPUID_EXT_FEATURES      equ 0x80000001
CPUID_EXT_LM            equ 1 << 29     ; EDX: long mode (Intel SDM 2A, CPUID)
CPUID_EXT_NX            equ 1 << 20     ; EDX: execute-disable
EFLAGS_ID               equ 1 << 21     ; writable only if CPUID exists

CR0_PE                  equ 1 << 0
CR0_WP                  equ 1 << 16
CR0_PG                  equ 1 << 31
CR4_PAE                 equ 1 << 5
MSR_EFER                equ 0xc0000080
EFER_LME                equ 1 << 8
EFER_NXE                equ 1 << 11

; excerpt: paging-constants
PTE_PRESENT             equ 1 << 0
PTE_WRITABLE            equ 1 << 1
PTE_HUGE                equ 1 << 7      ; 2 MiB page in a page directory
PAGE_SIZE               equ 4096
HUGE_PAGE_SHIFT         equ 21
EARLY_MAP_GIB           equ 4           ; identity + direct map of 0..4 GiB
PML4_INDEX_DIRECT       equ 256         ; 0xffff800000000000
PML4_INDEX_KERNEL       equ 511         ; 0xffffff8000000000
PDPT_INDEX_KERNEL       equ 510         ; 0xffffffff80000000
; excerpt-end: paging-constants

VGA_ATTR_ERROR          equ 0x4f        ; white on red

KERNEL_STACK_SIZE       equ 16384
IST_STACK_SIZE          equ 8192        ; the double-fault stack (kernel/cpu/gdt.c)

extern kernel_main

%define PHYS(sym) ((sym) - KERNEL_VIRT_BASE)

section .boot.text progbits alloc exec nowrite align=16
bits 32
global _start
; excerpt: entry-magic
_start:
        cli
        cld
        mov esi, eax                    ; keep magic and info for kernel_main
        mov edi, ebx
        rdtsc                           ; boot time stamps count from here
        mov [PHYS(boot_tsc)], eax
        mov [PHYS(boot_tsc) + 4], edx
        mov esp, PHYS(kernel_stack_top)

        cmp esi, MB2_BOOTLOADER_MAGIC
        jne .bad_magic
; excerpt-end: entry-magic
        call check_cpuid
        call check_long_mode
        call build_page_tables

; excerpt: enable-long-mode
        mov eax, PHYS(boot_pml4)
        mov cr3, eax
        mov eax, cr4
        or eax, CR4_PAE
        mov cr4, eax
        mov ecx, MSR_EFER
        rdmsr
        or eax, EFER_LME | EFER_NXE
        wrmsr
        mov eax, cr0
        or eax, CR0_PG | CR0_WP | CR0_PE
        mov cr0, eax

        lgdt [boot_gdt_ptr]
        jmp KERNEL_CS:long_mode_entry
; excerpt-end: enable-long-mode

.bad_magic:
        mov ebx, msg_bad_magic
        call print_hex_error            ; shows EAX as found
        jmp halt

; excerpt: check-cpuid
; CPUID exists if the ID flag in EFLAGS can be flipped.
check_cpuid:
        pushfd
        pop eax
        mov ecx, eax
        xor eax, EFLAGS_ID
        push eax
        popfd
        pushfd
        pop eax
        push ecx
        popfd
        cmp eax, ecx
        je .no_cpuid
        ret
.no_cpuid:
        mov ebx, msg_no_cpuid
        jmp fail
; excerpt-end: check-cpuid

; excerpt: check-long-mode
check_long_mode:
        mov eax, CPUID_EXT_BASE
        cpuid
        cmp eax, CPUID_EXT_FEATURES
        jb .no_long_mode
        mov eax, CPUID_EXT_FEATURES
        cpuid
        test edx, CPUID_EXT_LM
        jz .no_long_mode
        test edx, CPUID_EXT_NX
        jz .no_nx
        ret
.no_long_mode:
        mov ebx, msg_no_long_mode
        jmp fail
.no_nx:
        mov ebx, msg_no_nx
        jmp fail
; excerpt-end: check-long-mode

; excerpt: page-tables
; lab: 02 page-tables
; PML4[0] and PML4[256] share one PDPT that maps 0..4 GiB with 2 MiB pages
; (identity for this code, the direct map for kernel_main);
; PML4[511] -> PDPT[510] maps the kernel's -2 GiB window onto 0..1 GiB.
build_page_tables:
        mov eax, PHYS(boot_pdpt_low) + PTE_PRESENT + PTE_WRITABLE
        mov [PHYS(boot_pml4)], eax
        mov [PHYS(boot_pml4) + PML4_INDEX_DIRECT * 8], eax
        mov eax, PHYS(boot_pdpt_high) + PTE_PRESENT + PTE_WRITABLE
        mov [PHYS(boot_pml4) + PML4_INDEX_KERNEL * 8], eax

        mov eax, PHYS(boot_pd) + PTE_PRESENT + PTE_WRITABLE
        mov [PHYS(boot_pdpt_high) + PDPT_INDEX_KERNEL * 8], eax
        xor ecx, ecx
.next_pdpt:
        mov [PHYS(boot_pdpt_low) + ecx * 8], eax
        add eax, PAGE_SIZE
        inc ecx
        cmp ecx, EARLY_MAP_GIB
        jne .next_pdpt

        xor ecx, ecx                    ; 2 MiB page number
.next_pde:
        mov eax, ecx
        shl eax, HUGE_PAGE_SHIFT
        or eax, PTE_PRESENT + PTE_WRITABLE + PTE_HUGE
        mov edx, ecx
        shr edx, 32 - HUGE_PAGE_SHIFT   ; the address bits above 4 GiB
        mov [PHYS(boot_pd) + ecx * 8], eax
        mov [PHYS(boot_pd) + ecx * 8 + 4], edx
        inc ecx
        cmp ecx, EARLY_MAP_GIB * 512
        jne .next_pde
        ret
; lab-end: 02 page-tables
; excerpt-end: page-tables

; Print "Sprout: <message at EBX>" on COM1 and the VGA screen, then halt.
fail:
        call print_error
halt:
        cli
        hlt
        jmp halt

; Like fail's message, followed by " (got 0x<ESI>)".
print_hex_error:
        call print_error
        mov ebx, msg_got
        call print_string
        mov ecx, 8
.digit:
        rol esi, 4
        mov eax, esi
        and eax, 0xf
        mov al, [hex_digits + eax]
        call print_char
        loop .digit
        mov al, ')'
        call print_char
        mov al, 13
        call print_char
        mov al, 10
        jmp print_char

print_error:
        mov edi, VGA_TEXT               ; message goes in the top-left corner
        push ebx
        mov ebx, msg_prefix
        call print_string
        pop ebx
        jmp print_string

; Print the NUL-terminated string at EBX; clobbers EAX, EBX, EDX.
print_string:
        mov al, [ebx]
        test al, al
        jz .done
        call print_char
        inc ebx
        jmp print_string
.done:
        ret

; Print AL to COM1 (polling the transmitter) and to the VGA cell at EDI.
print_char:
        push eax
        mov dx, COM1 + 5                ; line status register
.wait:
        in al, dx
        test al, 0x20                   ; transmitter holding register empty
        jz .wait
        pop eax
        mov dx, COM1
        out dx, al
        cmp al, ' '
        jae .vga
        ret
.vga:
        mov ah, VGA_ATTR_ERROR
        mov [edi], ax
        add edi, 2
        ret

bits 64
; excerpt: long-mode-entry
long_mode_entry:
        mov rax, higher_half_entry      ; now jump from the identity map up
        jmp rax
; excerpt-end: long-mode-entry

section .boot.rodata progbits alloc noexec nowrite align=16
; excerpt: boot-gdt
; A minimal GDT for the switch: null, 64-bit code, data.  kernel/cpu/gdt.c
; loads the kernel's own GDT (with a TSS) from the higher half once running
; there.
boot_gdt:
        dq 0
        dq 0x00af9a000000ffff           ; code: present, ring 0, L=1
        dq 0x00cf92000000ffff           ; data: present, ring 0, writable
boot_gdt_ptr:
        dw boot_gdt_ptr - boot_gdt - 1
        dd boot_gdt
; excerpt-end: boot-gdt

msg_prefix:       db "Sprout: ", 0
msg_bad_magic:    db "not started by a Multiboot2 boot loader: bad magic", 0
msg_got:          db " (expected 0x36d76289, got 0x", 0
msg_no_cpuid:     db "this CPU has no CPUID instruction; cannot boot", 13, 10, 0
msg_no_long_mode: db "this CPU does not support 64-bit long mode; cannot boot", 13, 10, 0
msg_no_nx:        db "this CPU does not support the NX (execute-disable) bit; cannot boot", 13, 10, 0
hex_digits:       db "0123456789abcdef"

; excerpt: higher-half-entry
; Runs once, so it is init code: freed with the rest after boot.
section .init.text progbits alloc exec nowrite align=16
bits 64
higher_half_entry:
        mov ax, KERNEL_DS
        mov ds, ax
        mov es, ax
        mov ss, ax
        xor eax, eax
        mov fs, ax
        mov gs, ax
        mov rsp, kernel_stack_top
        xor ebp, ebp                    ; ends the frame-pointer backtrace
        xchg esi, edi                   ; kernel_main(magic, info)
        call kernel_main
.hang:
        cli
        hlt
        jmp .hang
; excerpt-end: higher-half-entry

; excerpt: boot-tables-bss
; The first page tables, the boot stack and the double-fault (IST) stack,
; zeroed by the boot loader as .bss (linker.ld puts this page-aligned part
; first).  mm/ replaces the tables; the page below each stack stays unmapped
; as a guard.
section .bss..page_aligned nobits alloc noexec write align=4096
global boot_pml4, kernel_stack_guard, kernel_stack_bottom, kernel_stack_top
global ist_stack_guard, ist_stack_bottom, ist_stack_top
boot_pml4:              resb PAGE_SIZE
boot_pdpt_low:          resb PAGE_SIZE
boot_pdpt_high:         resb PAGE_SIZE
boot_pd:                resb PAGE_SIZE * EARLY_MAP_GIB
kernel_stack_guard:     resb PAGE_SIZE
kernel_stack_bottom:    resb KERNEL_STACK_SIZE
kernel_stack_top:
; excerpt-end: boot-tables-bss
ist_stack_guard:        resb PAGE_SIZE
ist_stack_bottom:       resb IST_STACK_SIZE
ist_stack_top:

; The TSC at the first instruction: boot time stamps count from here
; (kernel/time/ reads it, include/kernel/time.h).
section .bss
align 8
global boot_tsc
boot_tsc:               resq 1
