/*
 * The interrupt descriptor table: every vector points at its stub in
 * kernel/cpu/entry.asm; interrupt_dispatch() sends exceptions to traps.c and
 * hardware interrupts to the handlers drivers register, and on the way out
 * lets a woken task preempt the interrupted one (preempt_irq_exit()).
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

static struct {
	irq_handler_t fn;
	void *data;
} irq_table[IRQ_COUNT];
static const struct irq_chip *irq_chip;
static uint64_t spurious_count;

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

int irq_register(unsigned int irq, irq_handler_t fn, void *data)
{
	if (irq >= IRQ_COUNT || !fn)
		return -EINVAL;
	if (!irq_chip)
		return -ENODEV; /* nothing would ever deliver it */
	if (irq_table[irq].fn)
		return -EBUSY;
	irq_table[irq].data = data;
	irq_table[irq].fn = fn;
	irq_chip->unmask(irq);
	return 0;
}

void interrupt_dispatch(struct pt_regs *regs)
{
	unsigned int irq;

	if (regs->vector < EXCEPTION_COUNT) {
		exception_handler(regs);
		return;
	}
	irq = (unsigned int)regs->vector - IRQ_BASE;
	if (irq >= IRQ_COUNT) {
		spurious_count++;
		return;
	}
	irq_enter();
	if (irq_table[irq].fn)
		irq_table[irq].fn(regs, irq_table[irq].data);
	else
		spurious_count++;
	/* EOI before irq_exit(): the softirqs it runs, with interrupts on,
	 * must not hold the controller's next interrupt back. */
	if (irq_chip)
		irq_chip->eoi(irq);
	irq_exit();
	/* Last, once the controller may deliver the next interrupt: the
	 * handler may have woken a task that should run before this one. */
	preempt_irq_exit(regs->rflags);
}
