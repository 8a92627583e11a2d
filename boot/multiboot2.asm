; The Multiboot2 header GRUB looks for in the first 32 KiB of the image
; (Multiboot2 specification §3.1), built from named constants.  It asks for the
; information the kernel needs and states how it wants the screen.

%include "boot/boot.inc"

; excerpt: mb2-header
MB2_HEADER_MAGIC        equ 0xe85250d6      ; §3.1.1
MB2_ARCH_I386           equ 0               ; 32-bit protected mode entry
MB2_TAG_END             equ 0
MB2_TAG_INFO_REQUEST    equ 1               ; §3.1.4
MB2_TAG_FRAMEBUFFER     equ 5               ; §3.1.10
MB2_TAG_OPTIONAL        equ 1               ; flags bit 0: may be ignored

; Information tag types requested (§3.6)
MB2_INFO_CMDLINE        equ 1
MB2_INFO_MODULE         equ 3
MB2_INFO_MMAP           equ 6
MB2_INFO_FRAMEBUFFER    equ 8
MB2_INFO_ACPI_OLD       equ 14
MB2_INFO_ACPI_NEW       equ 15

section .multiboot2 progbits alloc noexec nowrite align=8
global mb2_header
mb2_header:
        dd MB2_HEADER_MAGIC
        dd MB2_ARCH_I386
        dd mb2_header_end - mb2_header
        dd -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

        align 8
.info_request:
        dw MB2_TAG_INFO_REQUEST, MB2_TAG_OPTIONAL
        dd .info_request_end - .info_request
        dd MB2_INFO_CMDLINE, MB2_INFO_MODULE, MB2_INFO_MMAP
        dd MB2_INFO_FRAMEBUFFER, MB2_INFO_ACPI_OLD, MB2_INFO_ACPI_NEW
.info_request_end:

        ; Any linear framebuffer mode (0 = no preference).  Under BIOS the
        ; GRUB configuration keeps VGA text mode instead (gfxpayload=text).
        align 8
.framebuffer:
        dw MB2_TAG_FRAMEBUFFER, MB2_TAG_OPTIONAL
        dd .framebuffer_end - .framebuffer
        dd 0, 0, 32                         ; width, height, depth
.framebuffer_end:

        align 8
        dw MB2_TAG_END, 0
        dd 8
mb2_header_end:
; excerpt-end: mb2-header

; A Multiboot (version 1) header with the address fields ("a.out kludge"),
; so that QEMU's -kernel option can start this image the old way.  The
; kernel refuses such a boot -- its magic is wrong -- and tests/boot use
; exactly that to check the refusal path.  GRUB's multiboot2 command never
; reads this header.
MB1_MAGIC               equ 0x1badb002
MB1_FLAG_ADDRESSES      equ 1 << 16

extern __boot_start, __boot_load_end, _start
section .multiboot1 progbits alloc noexec nowrite align=4
mb1_header:
        dd MB1_MAGIC
        dd MB1_FLAG_ADDRESSES
        dd -(MB1_MAGIC + MB1_FLAG_ADDRESSES)
        dd mb1_header                       ; header_addr
        dd __boot_start                     ; load_addr
        dd __boot_load_end                  ; load_end_addr
        dd 0                                ; bss_end_addr: none
        dd _start                           ; entry_addr
