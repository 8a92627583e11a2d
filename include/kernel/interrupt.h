/*
 * Interrupts and exceptions: the register frame every entry stub builds,
 * the IDT, and handlers for hardware IRQs.
 */
#ifndef KERNEL_INTERRUPT_H
#define KERNEL_INTERRUPT_H

#include <kernel/list.h>
#include <kernel/types.h>

/* excerpt: pt-regs */
/* Saved by kernel/cpu/entry.asm, in this order on the stack, lowest first. */
struct pt_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};
/* excerpt-end: pt-regs */

#define EXCEPTION_COUNT 32
#define VEC_DIVIDE 0
#define VEC_DEBUG 1
#define VEC_NMI 2
#define VEC_BREAKPOINT 3
#define VEC_INVALID_OPCODE 6
#define VEC_DOUBLE_FAULT 8
#define VEC_GP 13
#define VEC_PAGE_FAULT 14
#define IRQ_BASE 32 /* legacy IRQ 0..15 arrive at 32..47 */
#define IRQ_COUNT 16

/* excerpt: pf-error-code */
/* Page-fault error code bits (Intel SDM 3A §4.7). */
#define PF_PRESENT (1u << 0)
#define PF_WRITE (1u << 1)
#define PF_USER (1u << 2)
#define PF_RSVD (1u << 3)
#define PF_INSTR (1u << 4)
/* excerpt-end: pf-error-code */

/* A double fault has its own stack: it may come from a stack overflow. */
#define IST_DOUBLE_FAULT 1

/* gdt_init / idt_init - load the kernel's GDT+TSS and the IDT.  __init. */
void gdt_init(void);
void idt_init(void);

typedef void (*irq_handler_t)(struct pt_regs *regs, void *data);

/*
 * irq_register - call @fn(regs, @data) for legacy IRQ @irq (0-15) and unmask
 * it.  Returns 0, -EINVAL for a bad number or no function, -ENODEV if no
 * interrupt controller is set up (irq_set_chip), -EBUSY if it is taken.
 */
int irq_register(unsigned int irq, irq_handler_t fn, void *data);

/* The interrupt controller behind irq_register (drivers/pic.c). */
struct irq_chip {
	const char *name;
	void (*mask)(unsigned int irq);
	void (*unmask)(unsigned int irq);
	void (*eoi)(unsigned int irq);
};
void irq_set_chip(const struct irq_chip *chip);

/*
 * irq_enable - turn interrupts on, once an irq_chip has remapped the legacy
 * IRQs away from the exception vectors.  Returns 0, or -ENODEV (interrupts
 * stay off) if no controller was set up.  __init.
 */
int irq_enable(void);

/*
 * irq_can_enable - has an irq_chip moved the legacy IRQs off the
 * exception vectors, so that interrupts may be turned on?  Without one,
 * a new thread runs with them off, as the boot thread does.
 */
bool irq_can_enable(void);

/* interrupt_dispatch - every vector's C half; kernel/cpu/entry.asm calls it. */
void interrupt_dispatch(struct pt_regs *regs);

/*
 * oops - report a fatal exception in kernel code, naming the task it hit;
 * then end that task if the registered task ops can (a thread, outside
 * an interrupt handler and outside another oops), else panic.  traps.c.
 */
__noreturn void oops(struct pt_regs *regs, const char *what);

/*
 * What the oops asks of the scheduler, which sits above this layer:
 * describe() writes "PID: 7 Comm: name" for the running task into @buf;
 * stack() gives the bounds of its kernel stack, false for the boot
 * thread's (in the image); end_task() ends the running task for good and
 * switches away, or returns if it cannot (the boot thread).  Registered
 * once at boot.
 */
struct oops_task_ops {
	void (*describe)(char *buf, size_t size);
	bool (*stack)(uintptr_t *lo, uintptr_t *hi);
	void (*end_task)(void);
};

void oops_task_register(const struct oops_task_ops *ops);

/*
 * irq_enter / irq_exit - bracket a hardware interrupt handler; irq_exit()
 * runs the softirqs it raised, unless the interrupt came inside another
 * handler, a softirq or a local_bh_disable() section (softirq.c).
 * in_hardirq - is a handler running?  (hardirq.c; Linux's names.)
 */
void irq_enter(void);
void irq_exit(void);
bool in_hardirq(void);

/*
 * A subsystem that can say why a page fault happened registers an
 * explainer: explain() returns a sentence such as "write to read-only
 * page" for the faulting address and error code, or NULL if it does not
 * know.  The oops asks the newest first (the NULL page and non-canonical
 * addresses it names itself); explain() runs inside the fault handler, so
 * it only reads.  @fe stays the caller's.
 */
struct fault_explainer {
	const char *(*explain)(uintptr_t addr, uint64_t error);
	struct list_head list; /* in the registered explainers */
};

void fault_explainer_register(struct fault_explainer *fe);

#endif
