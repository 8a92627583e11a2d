; Exercise 1 of chapter 2, solved: the floor kernel taken to 64-bit long
; mode.  It checks that the CPU has long mode, identity-maps the first GiB
; with 2 MiB pages (one PML4, one PDPT, one page directory), turns on PAE,
; EFER.LME and paging, loads a GDT with a 64-bit code segment and jumps to
; it.  In 64-bit code it prints a value no 32-bit register can hold, then
; leaves QEMU through isa-debug-exit.
;
; Build: nasm -f elf64 long.asm -o long.o
;        ld -z max-page-size=0x1000 -T docs/tutorial/solutions/02-long-mode/long.ld -o long.elf long.o
; With -DNO_IDENTITY it "forgets" to point the PDPT at the page directory,
; so the code that turns paging on is not mapped once it is on: the next
; instruction fetch is a page fault, with no IDT to handle it, and the CPU
; triple-faults.

MB2_HEADER_MAGIC        equ 0xe85250d6      ; Multiboot2 §3.1.1
MB2_ARCH_I386           equ 0
MB2_TAG_END             equ 0
COM1                    equ 0x3f8
COM1_LSR                equ COM1 + 5
LSR_THR_EMPTY           equ 0x20
DEBUG_EXIT_PORT         equ 0xf4
DEBUG_EXIT_OK           equ 0x10
DEBUG_EXIT_FAIL         equ 0x11

CPUID_EXT_BASE          equ 0x80000000
CPUID_EXT_FEATURES      equ 0x80000001
CPUID_EXT_LM            equ 1 << 29         ; EDX (Intel SDM 2A, CPUID)
CR0_PG                  equ 1 << 31
CR4_PAE                 equ 1 << 5
MSR_EFER                equ 0xc0000080
EFER_LME                equ 1 << 8
PTE_PRESENT             equ 1 << 0
PTE_WRITABLE            equ 1 << 1
PTE_HUGE                equ 1 << 7          ; a 2 MiB page in a PD entry
HUGE_PAGE_SHIFT         equ 21
ENTRIES                 equ 512             ; per table
PAGE_SIZE               equ 4096
CODE_SEL                equ 0x08            ; the GDT's second entry
DATA_SEL                equ 0x10

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
        dd MB2_HEADER_MAGIC
        dd MB2_ARCH_I386
        dd mb2_header_end - mb2_header
        dd -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
        align 8
        dw MB2_TAG_END, 0
        dd 8
mb2_header_end:

section .text progbits alloc exec nowrite align=16
bits 32
global _start
_start:
        mov esp, stack_top
        lidt [null_idt]                     ; see null_idt
        mov eax, CPUID_EXT_BASE             ; is leaf 0x80000001 there?
        cpuid
        cmp eax, CPUID_EXT_FEATURES
        jb no_long_mode
        mov eax, CPUID_EXT_FEATURES
        cpuid
        test edx, CPUID_EXT_LM
        jz no_long_mode

        ; PML4[0] -> PDPT, PDPT[0] -> PD, PD[i] -> i * 2 MiB.  The tables
        ; are .bss: GRUB zeroes it, so every other entry is not present.
        mov dword [pml4], pdpt + PTE_PRESENT + PTE_WRITABLE
%ifndef NO_IDENTITY
        mov dword [pdpt], pd + PTE_PRESENT + PTE_WRITABLE
%endif
        xor ecx, ecx
.pde:
        mov eax, ecx
        shl eax, HUGE_PAGE_SHIFT
        or eax, PTE_PRESENT + PTE_WRITABLE + PTE_HUGE
        mov [pd + ecx * 8], eax
        inc ecx
        cmp ecx, ENTRIES
        jne .pde

        mov eax, pml4
        mov cr3, eax
        mov eax, cr4
        or eax, CR4_PAE
        mov cr4, eax
        mov ecx, MSR_EFER
        rdmsr
        or eax, EFER_LME
        wrmsr
        mov eax, cr0                        ; paging on: long mode active,
        or eax, CR0_PG                      ; still running 32-bit code
        mov cr0, eax
        lgdt [gdt_ptr]
        jmp CODE_SEL:long_mode              ; CS.L = 1: 64-bit code

no_long_mode:
        mov esi, msg_no_long_mode
.next:
        lodsb
        test al, al
        jz .exit
        mov ah, al
        mov dx, COM1_LSR
.wait:
        in al, dx
        test al, LSR_THR_EMPTY
        jz .wait
        mov al, ah
        mov dx, COM1
        out dx, al
        jmp .next
.exit:
        mov al, DEBUG_EXIT_FAIL
        out DEBUG_EXIT_PORT, al
        jmp $

bits 64
long_mode:
        mov ax, DATA_SEL
        mov ds, ax
        mov es, ax
        mov ss, ax
        mov rsi, msg_long_mode
        call print
        mov rax, 1
        shl rax, 40                         ; 2^40: needs 41 bits
        call print_hex
        mov rsi, msg_newline
        call print
        mov al, DEBUG_EXIT_OK
        out DEBUG_EXIT_PORT, al
        cli
.halt:
        hlt
        jmp .halt

; Print the NUL-terminated string at RSI; clobbers RAX, RDX, RSI.
print:
        lodsb
        test al, al
        jz .done
        call putc
        jmp print
.done:
        ret

; Print RAX as 16 hex digits; clobbers RAX, RCX, RDX, RBX.
print_hex:
        mov rbx, rax
        mov ecx, 16
.digit:
        rol rbx, 4
        mov eax, ebx
        and eax, 0xf
        mov al, [hex_digits + rax]
        call putc
        loop .digit
        ret

; Write AL to COM1 once the transmitter is ready; clobbers DX.
putc:
        push rax
        mov dx, COM1_LSR
.wait:
        in al, dx
        test al, LSR_THR_EMPTY
        jz .wait
        pop rax
        mov dx, COM1
        out dx, al
        ret

section .rodata progbits alloc noexec nowrite align=8
; Null, 64-bit code (L=1, present, ring 0), data: the same as Sprout's.
gdt:
        dq 0
        dq 0x00af9a000000ffff
        dq 0x00cf92000000ffff
gdt_ptr:
        dw gdt_ptr - gdt - 1
        dd gdt
; An empty IDT: GRUB leaves its own IDT loaded, and an exception before the
; kernel has one would run GRUB's handler and hang.  With no entries at all,
; any exception becomes a triple fault, which resets the CPU (-no-reboot:
; QEMU stops) and which QEMU's -d cpu_reset log shows.
null_idt:
        dw 0
        dd 0
msg_long_mode:    db "long: in 64-bit mode, 1 << 40 = 0x", 0
msg_newline:      db 13, 10, 0
msg_no_long_mode: db "long: this CPU has no long mode", 13, 10, 0
hex_digits:       db "0123456789abcdef"

section .bss nobits alloc noexec write align=4096
pml4:   resb PAGE_SIZE
pdpt:   resb PAGE_SIZE
pd:     resb PAGE_SIZE
stack:  resb PAGE_SIZE
stack_top:
