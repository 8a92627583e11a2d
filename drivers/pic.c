/*
 * The two cascaded 8259A interrupt controllers of the PC.  The BIOS leaves
 * them sending IRQ 0-7 to vectors 8-15, on top of the CPU's exceptions, so
 * they are re-initialised to deliver IRQ 0-15 at IRQ_BASE (32-47) with every
 * line masked; kernel/irq unmasks a line once a driver requests it.
 */
#include <kernel/init.h>
#include <kernel/interrupt.h>
#include <kernel/printk.h>
#include <kernel/x86.h>

/* I/O ports and command words (Intel 8259A datasheet, "Programming"). */
#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1

#define ICW1_INIT 0x10		       /* start the initialisation sequence */
#define ICW1_ICW4 0x01		       /* an ICW4 follows */
#define ICW3_MASTER_SLAVE_ON_IRQ2 0x04 /* cascade input, as a bit mask */
#define ICW3_SLAVE_ID 0x02	       /* the slave's cascade identity */
#define ICW4_8086 0x01		       /* 8086/88 mode (not MCS-80/85) */
#define OCW2_EOI 0x20		       /* non-specific end of interrupt */
#define OCW3_READ_ISR 0x0b	       /* next read of the command port: ISR */

#define PIC_CASCADE_IRQ 2
/* Where a request withdrawn before it was acknowledged shows up. */
#define PIC_SPURIOUS_MASTER 7
#define PIC_SPURIOUS_SLAVE 15

/* Masks as last written, so a line can change without reading them back. */
static uint16_t pic_masks = 0xffff;

static void pic_write_masks(void)
{
	outb(pic_masks & 0xff, PIC1_DATA);
	outb(pic_masks >> 8, PIC2_DATA);
}

static void pic_mask(unsigned int irq)
{
	uint64_t flags = irq_save();

	pic_masks |= (uint16_t)(1u << irq);
	pic_write_masks();
	irq_restore(flags);
}

static void pic_unmask(unsigned int irq)
{
	uint64_t flags = irq_save();

	pic_masks &= ~(uint16_t)(1u << irq);
	if (irq >= 8)
		pic_masks &= ~(uint16_t)(1u << PIC_CASCADE_IRQ);
	pic_write_masks();
	irq_restore(flags);
}

/* Is @irq really in service, or did the 8259 make up a spurious IRQ 7/15? */
static bool pic_in_service(unsigned int irq)
{
	uint16_t port = irq >= 8 ? PIC2_CMD : PIC1_CMD;

	outb(OCW3_READ_ISR, port);
	return inb(port) & (1u << (irq & 7));
}

/*
 * A request withdrawn before the CPU acknowledged it shows up as IRQ 7
 * (or 15) without its in-service bit.  It was never in service, so it
 * gets no EOI from its own chip; a spurious IRQ 15 still came through the
 * master's cascade input, which does need one (8259A datasheet,
 * "Interrupt sequence").
 */
static bool pic_spurious(unsigned int irq)
{
	if (irq != PIC_SPURIOUS_MASTER && irq != PIC_SPURIOUS_SLAVE)
		return false;
	if (pic_in_service(irq))
		return false;
	if (irq == PIC_SPURIOUS_SLAVE)
		outb(OCW2_EOI, PIC1_CMD);
	return true;
}

static void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(OCW2_EOI, PIC2_CMD);
	outb(OCW2_EOI, PIC1_CMD);
}

static const struct irq_chip pic_chip = {
	.name = "XT-PIC", /* Linux's name, in /proc/interrupts */
	.mask = pic_mask,
	.unmask = pic_unmask,
	.eoi = pic_eoi,
	.spurious = pic_spurious,
};

static int __init pic_init(void)
{
	/* ICW1-ICW4 to each chip, in the order the datasheet requires. */
	outb(ICW1_INIT | ICW1_ICW4, PIC1_CMD);
	io_wait();
	outb(ICW1_INIT | ICW1_ICW4, PIC2_CMD);
	io_wait();
	outb(IRQ_BASE, PIC1_DATA);
	io_wait();
	outb(IRQ_BASE + 8, PIC2_DATA);
	io_wait();
	outb(ICW3_MASTER_SLAVE_ON_IRQ2, PIC1_DATA);
	io_wait();
	outb(ICW3_SLAVE_ID, PIC2_DATA);
	io_wait();
	outb(ICW4_8086, PIC1_DATA);
	io_wait();
	outb(ICW4_8086, PIC2_DATA);
	io_wait();

	pic_masks = 0xffff;
	pic_write_masks();
	irq_set_chip(&pic_chip);
	pr_info("pic: 8259A pair remapped to vectors %d-%d, all lines masked\n",
		IRQ_BASE, IRQ_BASE + IRQ_COUNT - 1);
	return 0;
}
arch_initcall(pic_init);
