; Interrupt and exception entry: one small stub per vector pushes the vector
; number (and a zero where the CPU pushes no error code), then common code
; saves the registers as struct pt_regs (include/kernel/interrupt.h) and
; calls interrupt_dispatch(regs).

extern interrupt_dispatch

; excerpt: entry-stubs
; Vectors for which the CPU pushes an error code: 8, 10-14, 17 and 21 in
; Intel SDM 3A §6.15; 29 (#VC) and 30 (#SX) in AMD APM volume 2 §8.2.
%define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

VECTORS equ 256

section .text
bits 64

%macro STUB 1
align 16
vector_stub_%1:
%if !HAS_ERROR_CODE(%1)
        push 0
%endif
        push %1
        jmp interrupt_common
%endmacro

%assign v 0
%rep VECTORS
        STUB v
%assign v v + 1
%endrep
; excerpt-end: entry-stubs

; excerpt: entry-common
interrupt_common:
        push rax
        push rbx
        push rcx
        push rdx
        push rsi
        push rdi
        push rbp
        push r8
        push r9
        push r10
        push r11
        push r12
        push r13
        push r14
        push r15
        cld
        mov rdi, rsp
        ; A frame for the backtrace: the interrupted RIP and RBP look like a
        ; call from the interrupted code.
        push qword [rsp + 17 * 8]       ; regs->rip
        push rbp
        mov rbp, rsp
        call interrupt_dispatch
; excerpt-end: entry-common
        add rsp, 16
        pop r15
        pop r14
        pop r13
        pop r12
        pop r11
        pop r10
        pop r9
        pop r8
        pop rbp
        pop rdi
        pop rsi
        pop rdx
        pop rcx
        pop rbx
        pop rax
        add rsp, 16                     ; vector, error code
        iretq

; The stub addresses, for idt_init().
section .rodata
global vector_stubs
align 8
vector_stubs:
%assign v 0
%rep VECTORS
        dq vector_stub_ %+ v
%assign v v + 1
%endrep
