/*
 * The interrupt descriptor table: every vector points at its stub in
 * kernel/cpu/entry.asm; interrupt_dispatch() sends exceptions to traps.c and
 * hardware interrupts to the root handler kernel/irq registers
 * (set_handle_irq()), and on the way out lets a woken task preempt the
 * interrupted one (preempt_irq_exit()).
 */
#include <kernel/errno.h>
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/preempt.h>
#include <kernel/printk.h>
#include <kernel/x86.h>

#define IDT_ENTRIES 256
#define GATE_INTERRUPT 0x8e /* present, DPL 0, 64-bit interrupt gate */
#define KERNEL_CS 0x08

/* excerpt: idt-gate */
struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __packed;
/* excerpt-end: idt-gate */

struct idt_ptr {
	uint16_t limit;
	uint64_t base;
} __packed;

extern const uint64_t vector_stubs[IDT_ENTRIES];
void exception_handler(struct pt_regs *regs);

static struct idt_gate idt[IDT_ENTRIES] __aligned(16);

static const struct irq_chip *irq_chip;
static void (*handle_arch_irq)(struct pt_regs *regs);
static unsigned int irq_err_count;

/* excerpt: idt-init */
/* lab: 04 idt-set */
static void idt_set(unsigned int vec, uint64_t handler, uint8_t ist)
{
	idt[vec] = (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = KERNEL_CS,
		.ist = ist,
		.type = GATE_INTERRUPT,
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = (uint32_t)(handler >> 32),
	};
}
/* lab-end: 04 idt-set */

void __init idt_init(void)
{
	struct idt_ptr ptr = { sizeof(idt) - 1, (uintptr_t)idt };

	for (unsigned int v = 0; v < IDT_ENTRIES; v++)
		idt_set(v, vector_stubs[v],
			v == VEC_DOUBLE_FAULT ? IST_DOUBLE_FAULT : 0);
	__asm__ volatile("lidt %0" : : "m"(ptr));
}
/* excerpt-end: idt-init */

void irq_set_chip(const struct irq_chip *chip)
{
	irq_chip = chip;
}

const struct irq_chip *irq_chip_get(void)
{
	return irq_chip;
}

int set_handle_irq(void (*handle_irq)(struct pt_regs *regs))
{
	if (handle_arch_irq)
		return -EBUSY;
	handle_arch_irq = handle_irq;
	return 0;
}

void ack_bad_irq(unsigned int irq)
{
	__atomic_add_fetch(&irq_err_count, 1, __ATOMIC_RELAXED);
}

unsigned int irq_err_count_get(void)
{
	return __atomic_load_n(&irq_err_count, __ATOMIC_RELAXED);
}

int __init irq_enable(void)
{
	if (!irq_chip) {
		pr_warn("irq: no interrupt controller; interrupts stay off\n");
		return -ENODEV;
	}
	pr_info("irq: interrupts on (%s)\n", irq_chip->name);
	sti();
	return 0;
}

bool irq_can_enable(void)
{
	return irq_chip;
}

/* excerpt: interrupt-dispatch */
void interrupt_dispatch(struct pt_regs *regs)
{
	unsigned int irq;

	if (regs->vector < EXCEPTION_COUNT) {
		exception_handler(regs);
		return;
	}
	irq = (unsigned int)regs->vector - IRQ_BASE;
	if (irq >= IRQ_COUNT || !irq_chip) {
		ack_bad_irq(irq);
		return;
	}
	if (irq_chip->spurious && irq_chip->spurious(irq)) {
		ack_bad_irq(irq);
		return;
	}
	irq_enter();
	if (handle_arch_irq)
		handle_arch_irq(regs);
	else
		ack_bad_irq(irq);
	/* The controller may deliver the next interrupt before irq_exit(),
	 * which may run deferred work with interrupts on. */
	irq_chip->eoi(irq);
	irq_exit();
	/* Last: the handler may have woken a task that should run before
	 * this one. */
	preempt_irq_exit(regs->rflags);
}
/* excerpt-end: interrupt-dispatch */
