; The context switch: the only place one thread's registers give way to
; another's.  A switch happens inside a function call (schedule()), so the
; caller has already saved every register the x86-64 psABI (§3.2.1) lets a
; call destroy; only the callee-saved ones -- rbx, rbp, r12-r15 -- and rsp
; itself must survive, and they go on the old thread's own stack.

section .text
bits 64

; void sched_switch_stack(uintptr_t *save_sp /* rdi */, uintptr_t new_sp /* rsi */)
; excerpt: switch
global sched_switch_stack
sched_switch_stack:
        push rbp                ; the callee-saved registers, onto the old
        push rbx                ; stack; struct switch_frame (internal.h)
        push r12                ; lists them in the opposite order
        push r13
        push r14
        push r15
        mov [rdi], rsp          ; the old task's sp: all it needs to resume
        mov rsp, rsi            ; from here on we are on the new task's stack
        pop r15
        pop r14
        pop r13
        pop r12
        pop rbx
        pop rbp
        ret                     ; into the new task, where it last called us
; excerpt-end: switch

; A new task's first "return" lands here.  sched_create_task() filled its
; first switch_frame: rbx holds the C function to start in
; (sched_task_entry), r12 and r13 its two arguments; rsp is 16-byte
; aligned, as a call needs (psABI §3.2.2), and rbp is 0, so a backtrace of
; the thread ends here.  Calling through rbx keeps this file from naming
; the C side that calls it.
global sched_thread_start
sched_thread_start:
        mov rdi, r12
        mov rsi, r13
        call rbx
        ud2                     ; the entry function never returns
