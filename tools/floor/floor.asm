; The floor: the emptiest kernel GRUB can boot the way it boots Sprout.  It
; has a Multiboot2 header and nothing else: at entry it writes one line to
; COM1 and leaves QEMU through the isa-debug-exit device.  make bench boots
; it from an ISO made by the same tools/mkiso.sh and times it beside Sprout:
; whatever Sprout takes beyond it is Sprout's own.

MB2_HEADER_MAGIC        equ 0xe85250d6      ; Multiboot2 §3.1.1
MB2_ARCH_I386           equ 0
MB2_TAG_END             equ 0
COM1                    equ 0x3f8           ; first serial port, data register
COM1_LSR                equ COM1 + 5        ; line status register
LSR_THR_EMPTY           equ 0x20            ; transmitter ready for a byte
DEBUG_EXIT_PORT         equ 0xf4            ; QEMU isa-debug-exit, iobase
DEBUG_EXIT_OK           equ 0x10            ; QEMU exits with status 33: success

; excerpt: floor-kernel
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
        mov esi, message
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
        mov al, DEBUG_EXIT_OK
        out DEBUG_EXIT_PORT, al
        cli
.halt:
        hlt
        jmp .halt

section .rodata progbits alloc noexec nowrite
message:
        db "floor: empty kernel reached", 13, 10, 0
; excerpt-end: floor-kernel
