/*
 * Interrupts and exceptions: the register frame every entry stub builds,
 * the IDT, the interrupt controller, and the hook through which hardware
 * interrupts reach their handlers (kernel/irq).
 */
#ifndef KERNEL_INTERRUPT_H
#define KERNEL_INTERRUPT_H

#include <kernel/list.h>
#include <kernel/preempt.h>
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

/*
 * The interrupt controller (drivers/pic.c registers it with irq_set_chip()).
 * mask/unmask stop and let through one line; eoi ends an interrupt the
 * controller delivered.  spurious, if set, says whether an interrupt on
 * @irq was made up by the controller (the 8259's IRQ 7 and 15), having
 * done what the controller needs for one.
 */
struct irq_chip {
	const char *name;
	void (*mask)(unsigned int irq);
	void (*unmask)(unsigned int irq);
	void (*eoi)(unsigned int irq);
	bool (*spurious)(unsigned int irq);
};
void irq_set_chip(const struct irq_chip *chip);

/* irq_chip_get - the controller, or NULL if none was set up. */
const struct irq_chip *irq_chip_get(void);

/*
 * set_handle_irq - make @handle_irq the handler of every hardware
 * interrupt from a legacy line: it reads the line from regs->vector and
 * runs inside irq_enter()/irq_exit() with interrupts off, before the
 * chip's EOI.  Linux's name (arm64, riscv) for the root handler; kernel/irq
 * registers its flow handler.  Returns 0, or -EBUSY if one is set.
 */
int set_handle_irq(void (*handle_irq)(struct pt_regs *regs));

/*
 * ack_bad_irq - count an interrupt nothing can handle: a line with no
 * handler, a spurious one from the controller, a vector beyond the legacy
 * lines (Linux's irq_err_count, the "ERR:" row of /proc/interrupts).
 * irq_err_count_get - the count.  Any context.
 */
void ack_bad_irq(unsigned int irq);
unsigned int irq_err_count_get(void);

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
 * What the oops asks of the scheduler, which sits above this layer (the
 * task it names in its header, dump_stack_print_info() learns the same
 * way, <kernel/panic.h>): stack() gives the bounds of its kernel stack, false for the boot
 * thread's (in the image); end_task() ends the running task for good and
 * switches away, or returns if it cannot (the boot thread).  Registered
 * once at boot.
 */
struct oops_task_ops {
	bool (*stack)(uintptr_t *lo, uintptr_t *hi);
	void (*end_task)(void);
};

void oops_task_register(const struct oops_task_ops *ops);

/*
 * irq_enter / irq_exit - bracket a hardware interrupt handler; irq_exit()
 * runs the softirqs it raised, unless the interrupt came inside another
 * handler, a softirq or a local_bh_disable() section (softirq.c).
 * in_hardirq() (<kernel/preempt.h>) says whether a handler runs.
 */
void irq_enter(void);
void irq_exit(void);

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
