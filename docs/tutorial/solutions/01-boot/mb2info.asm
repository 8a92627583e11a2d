; Exercise 1 of chapter 1, solved: the floor kernel (tools/floor/floor.asm)
; grown to read what GRUB hands over.  At entry EAX holds the Multiboot2
; magic and EBX the physical address of the boot information: a u32 total
; size, a u32 reserved, then tags (u32 type, u32 size, payload), each
; starting on an 8-byte boundary, ended by a tag of type 0 (Multiboot2
; §3.6).  It prints the command line and the boot loader's name on COM1
; and leaves QEMU through isa-debug-exit.  GRUB leaves ESP undefined
; (§3.3), so the first instruction gives `call` a stack of its own.
;
; Build: nasm -f elf32 mb2info.asm -o mb2info.o
;        ld -m elf_i386 -T tools/floor/floor.ld -o mb2info.elf mb2info.o

MB2_HEADER_MAGIC        equ 0xe85250d6      ; §3.1.1, in the header
MB2_BOOTLOADER_MAGIC    equ 0x36d76289      ; §3.3, in EAX at entry
MB2_ARCH_I386           equ 0
MB2_TAG_END             equ 0
MB2_INFO_CMDLINE        equ 1               ; §3.6.5
MB2_INFO_LOADER_NAME    equ 2               ; §3.6.9
MB2_INFO_FIRST_TAG      equ 8               ; after total_size, reserved
MB2_TAG_PAYLOAD         equ 8               ; after type, size
MB2_TAG_ALIGN           equ 8
COM1                    equ 0x3f8
COM1_LSR                equ COM1 + 5
LSR_THR_EMPTY           equ 0x20
DEBUG_EXIT_PORT         equ 0xf4
DEBUG_EXIT_OK           equ 0x10            ; QEMU exits 33: success
DEBUG_EXIT_FAIL         equ 0x11            ; QEMU exits 35: failure
STACK_SIZE              equ 4096

section .multiboot2 progbits alloc noexec nowrite align=8
mb2_header:
        dd MB2_HEADER_MAGIC
        dd MB2_ARCH_I386
        dd mb2_header_end - mb2_header
%ifdef BAD_CHECKSUM     ; for the check: a header GRUB must refuse
        dd 0
%else
        dd -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
%endif
        align 8
        dw MB2_TAG_END, 0
        dd 8
mb2_header_end:

section .text progbits alloc exec nowrite align=16
bits 32
global _start
_start:
        mov esp, stack_top                  ; before any call: ESP is undefined
        cmp eax, MB2_BOOTLOADER_MAGIC
        jne .bad_magic
        lea edi, [ebx + MB2_INFO_FIRST_TAG]
.tag:
        mov eax, [edi]                      ; type
        cmp eax, MB2_TAG_END
        je .done
        mov esi, msg_cmdline
        cmp eax, MB2_INFO_CMDLINE
        je .print_string_tag
        mov esi, msg_loader
        cmp eax, MB2_INFO_LOADER_NAME
        je .print_string_tag
.next:
        mov eax, [edi + 4]                  ; size, without the padding
        add eax, MB2_TAG_ALIGN - 1
        and eax, ~(MB2_TAG_ALIGN - 1)
        add edi, eax
        jmp .tag
.print_string_tag:
        call print                          ; the label
        lea esi, [edi + MB2_TAG_PAYLOAD]    ; the NUL-terminated string
        call print
        mov esi, msg_newline
        call print
        jmp .next
.done:
        mov al, DEBUG_EXIT_OK
        out DEBUG_EXIT_PORT, al
        jmp halt
.bad_magic:
        mov esi, msg_bad_magic
        call print
        mov al, DEBUG_EXIT_FAIL
        out DEBUG_EXIT_PORT, al
halt:
        cli
        hlt
        jmp halt

; Print the NUL-terminated string at ESI on COM1; clobbers EAX, EDX, ESI.
print:
        lodsb
        test al, al
        jz .done
        mov ah, al
        mov dx, COM1_LSR
.wait:
        in al, dx
        test al, LSR_THR_EMPTY
        jz .wait
        mov al, ah
        mov dx, COM1
        out dx, al
        jmp print
.done:
        ret

section .rodata progbits alloc noexec nowrite
msg_cmdline:    db "mb2info: command line: ", 0
msg_loader:     db "mb2info: boot loader: ", 0
msg_newline:    db 13, 10, 0
msg_bad_magic:  db "mb2info: not started by a Multiboot2 boot loader", 13, 10, 0

; Page-aligned, so that the linker gives it a segment of its own: writable,
; not executable, apart from the code.
section .bss nobits alloc noexec write align=4096
stack_bottom:   resb STACK_SIZE
stack_top:
